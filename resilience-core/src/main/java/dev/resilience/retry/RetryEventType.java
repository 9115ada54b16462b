package dev.resilience.retry;

/**
 * The kinds of event a retry records, as found in
 * {@link dev.resilience.core.ResilienceEvent#type()}.
 *
 * @author Resilience
 * @since 0.1.0
 */
public enum RetryEventType {

	/**
	 * An attempt failed and another one follows after a wait.
	 */
	RETRY,

	/**
	 * A call succeeded after at least one retry.
	 */
	SUCCESS,

	/**
	 * A call failed for good: its attempts are exhausted, its {@code Retry-After} is
	 * longer than the maximum wait, or its wait was interrupted.
	 */
	ERROR,

	/**
	 * A call failed with an error that is not retried.
	 */
	IGNORED_ERROR

}
