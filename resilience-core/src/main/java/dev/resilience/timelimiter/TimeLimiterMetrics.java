package dev.resilience.timelimiter;

/**
 * Counters of a time limiter's calls by outcome, one per {@code outcome} tag of the
 * {@code resilience.timelimiter.calls} meter.
 *
 * @author Resilience
 * @since 0.1.0
 * @see TimeLimiter#metrics()
 */
public interface TimeLimiterMetrics {

	/**
	 * Return how many calls completed in time.
	 * @return the count of {@code success}
	 */
	long successfulCalls();

	/**
	 * Return how many calls failed in time with an error of their own.
	 * @return the count of {@code failure}
	 */
	long failedCalls();

	/**
	 * Return how many calls did not complete in time, or could not start.
	 * @return the count of {@code timeout}
	 */
	long timedOutCalls();

}
