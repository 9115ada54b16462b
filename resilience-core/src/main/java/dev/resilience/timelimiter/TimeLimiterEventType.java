package dev.resilience.timelimiter;

/**
 * The kinds of event a time limiter records, as found in
 * {@link dev.resilience.core.ResilienceEvent#type()}.
 *
 * @author Resilience
 * @since 0.1.0
 */
public enum TimeLimiterEventType {

	/**
	 * A call did not complete within the timeout, or no thread was free to start it.
	 */
	TIMEOUT

}
