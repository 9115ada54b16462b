package dev.resilience.saga;

/**
 * The kinds of event a saga records, as found in
 * {@link dev.resilience.core.ResilienceEvent#type()}. A saga that completes records none.
 *
 * @author Resilience
 * @since 0.1.0
 */
public enum SagaEventType {

	/**
	 * Its body failed; compensation starts.
	 */
	COMPENSATING,

	/**
	 * A compensation attempt failed; another one follows after a wait.
	 */
	COMPENSATION_RETRY,

	/**
	 * Every step that needed it was compensated.
	 */
	COMPENSATED,

	/**
	 * A compensation failed on every attempt; the saga waits for an operator.
	 */
	FAILED,

	/**
	 * Recovery took over a saga whose instance stopped working on it.
	 */
	RECOVERING,

	/**
	 * An operator asked to retry the compensation of a failed saga.
	 */
	RETRYING_COMPENSATION,

	/**
	 * Compensation was interrupted; the saga is left for recovery.
	 */
	INTERRUPTED,

	/**
	 * This instance lost the saga's lease to another one, which finishes it.
	 */
	LEASE_LOST

}
