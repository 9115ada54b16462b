package dev.resilience.ratelimiter;

/**
 * How a rate limiter counts the permits it hands out.
 *
 * @author Resilience
 * @since 0.1.0
 */
public enum RateLimiterAlgorithm {

	/**
	 * A bucket of {@code burst} permits that refills continuously at {@code limit} per
	 * {@code period}: allows short bursts after a quiet spell, and never admits more than
	 * {@code burst + limit × t / period} permits in any interval of length {@code t}.
	 */
	TOKEN_BUCKET,

	/**
	 * A log of the latest admissions: never more than {@code limit} permits in any window
	 * of length {@code period}, wherever the window starts. {@code burst} is not used.
	 */
	SLIDING_WINDOW

}
