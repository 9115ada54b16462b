package dev.resilience.retry;

/**
 * How the wait before a retry grows with the number of the attempt that failed.
 *
 * @author Resilience
 * @since 0.1.0
 */
public enum Backoff {

	/**
	 * The same wait before every retry.
	 */
	FIXED,

	/**
	 * The wait times the number of the failed attempt: 1×, 2×, 3×, and so on.
	 */
	LINEAR,

	/**
	 * The wait times the multiplier raised to the number of the failed attempt minus one:
	 * 1×, 2×, 4×, and so on with a multiplier of 2.
	 */
	EXPONENTIAL

}
