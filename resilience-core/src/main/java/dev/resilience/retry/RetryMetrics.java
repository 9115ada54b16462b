package dev.resilience.retry;

/**
 * Counters of a retry's calls by outcome, one per {@code outcome} tag of the
 * {@code resilience.retry.calls} meter.
 *
 * @author Resilience
 * @since 0.1.0
 */
public interface RetryMetrics {

	/**
	 * Return how many calls succeeded on their first attempt.
	 * @return the count of {@code success_without_retry}
	 */
	long successWithoutRetry();

	/**
	 * Return how many calls succeeded after at least one retry.
	 * @return the count of {@code success_with_retry}
	 */
	long successWithRetry();

	/**
	 * Return how many calls failed after at least one retry.
	 * @return the count of {@code failure_with_retry}
	 */
	long failureWithRetry();

	/**
	 * Return how many calls failed on their first attempt and were not retried.
	 * @return the count of {@code failure_without_retry}
	 */
	long failureWithoutRetry();

}
