package dev.resilience.retry;

import java.time.Duration;

/**
 * Computes the wait before a retry from a {@link RetryConfig}: backoff, cap, jitter, cap.
 * Durations are turned into nanoseconds once, so that a retry does no conversion.
 *
 * @author Resilience
 */
final class RetryDelays {

	private final Backoff backoff;

	private final double waitNanos;

	private final double multiplier;

	private final long maxWaitNanos;

	private final double jitter;

	RetryDelays(RetryConfig config) {
		this.backoff = config.backoff();
		this.waitNanos = toNanos(config.waitDuration());
		this.multiplier = config.multiplier();
		this.maxWaitNanos = toNanos(config.maxWaitDuration());
		this.jitter = config.jitter();
	}

	/**
	 * Whether {@link #delayNanos} uses its random sample at all.
	 * @return {@code true} if the configuration has jitter
	 */
	boolean hasJitter() {
		return this.jitter > 0.0;
	}

	/**
	 * Return the longest wait.
	 * @return the longest wait, in nanoseconds
	 */
	long maxWaitNanos() {
		return this.maxWaitNanos;
	}

	/**
	 * Return the wait before the retry that follows the given failed attempt.
	 * @param attempt the 1-based number of the attempt that failed
	 * @param random a sample between -1 and 1 that scales the jitter
	 * @return the wait, in nanoseconds, between 0 and the longest wait
	 */
	long delayNanos(int attempt, double random) {
		double delay = switch (this.backoff) {
			case FIXED -> this.waitNanos;
			case LINEAR -> this.waitNanos * attempt;
			case EXPONENTIAL -> this.waitNanos * Math.pow(this.multiplier, attempt - 1);
		};
		delay = Math.min(delay, this.maxWaitNanos);
		if (this.jitter > 0.0) {
			delay = Math.min(delay * (1.0 + this.jitter * random), this.maxWaitNanos);
		}
		return Math.max(0L, (long) delay);
	}

	/**
	 * Convert a duration to nanoseconds, saturating instead of overflowing.
	 * @param duration a duration, not negative
	 * @return its length in nanoseconds, at most {@link Long#MAX_VALUE}
	 */
	static long toNanos(Duration duration) {
		try {
			return duration.toNanos();
		}
		catch (ArithmeticException ex) {
			return (duration.isNegative()) ? Long.MIN_VALUE : Long.MAX_VALUE;
		}
	}

}
