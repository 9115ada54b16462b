package dev.resilience.ratelimiter;

import java.time.Duration;

/**
 * The permits of one key. A reservation is answered with one {@code long}: a wait of zero
 * or more nanoseconds when a permit is granted, or a negative code when not (see
 * {@link #rejected(long)}). A bucket that is idle (as full as a new one) may be retired,
 * after which it answers {@link #RETIRED} and its caller looks the key up again.
 *
 * @author Resilience
 * @see LockedBucket
 * @see AtomicTokenBucket
 */
abstract class Bucket {

	/**
	 * Longest time the arithmetic deals with, about 73 years: waits and durations are
	 * capped at it, which keeps every sum of them far from overflowing.
	 */
	static final long LONGEST_NANOS = Long.MAX_VALUE / 4;

	/**
	 * Answer of a bucket that was retired and must no longer be used.
	 */
	static final long RETIRED = Long.MIN_VALUE + 1;

	/**
	 * Grant or refuse a permit at the given time.
	 * @param now the current time
	 * @param maxWaitNanos how long the caller may wait, not negative
	 * @return the wait before the permit is valid, {@link #rejected(long)} of the wait it
	 * would need if that exceeds {@code maxWaitNanos}, or {@link #RETIRED}
	 */
	abstract long tryReserve(long now, long maxWaitNanos);

	/**
	 * Retire this bucket if it is idle, so that it can be dropped: a bucket as full as a
	 * new one is indistinguishable from it.
	 * @param now the current time
	 * @return whether the bucket is retired
	 */
	abstract boolean retireIfIdle(long now);

	/**
	 * Return how long until this bucket is idle, if no permit is taken meanwhile.
	 * @param now the current time
	 * @return the nanoseconds until it is as full as a new one, {@code 0} if it is
	 * already or is retired
	 */
	abstract long nanosUntilIdle(long now);

	/**
	 * Return how many permits could be had at the given time without a wait.
	 * @param now the current time
	 * @return the available permits, negative when permits are promised ahead
	 */
	abstract long availablePermits(long now);

	/**
	 * Encode a refusal.
	 * @param waitNanos the wait the permit would have needed, not negative
	 * @return a negative code carrying the wait
	 */
	static long rejected(long waitNanos) {
		return ~waitNanos;
	}

	/**
	 * Decode a refusal.
	 * @param code a code from {@link #rejected(long)}
	 * @return the wait the permit would have needed
	 */
	static long waitOf(long code) {
		return ~code;
	}

	/**
	 * Return a duration in nanoseconds, capped at {@link #LONGEST_NANOS}.
	 * @param duration a duration, not negative
	 * @return its nanoseconds
	 */
	static long nanos(Duration duration) {
		return (duration.compareTo(Duration.ofNanos(LONGEST_NANOS)) < 0) ? duration.toNanos() : LONGEST_NANOS;
	}

}
