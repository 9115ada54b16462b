package dev.resilience.ratelimiter;

/**
 * A token bucket that holds {@code burst} permits and refills continuously at
 * {@code limit} per {@code period}, kept as a single instant: the time at which it will
 * be full again (a generic cell rate algorithm). Taking a permit moves that instant one
 * interval ({@code period / limit}) later; a permit is available at the earliest time
 * from which the bucket will be full again within {@code burst} intervals. A permit that
 * is not available yet may be reserved: the instant moves all the same, so later callers
 * queue behind.
 * <p>
 * The interval is rarely a whole number of nanoseconds, so the instant is kept exactly,
 * as whole nanoseconds plus a remainder in units of {@code 1/limit} of a nanosecond; only
 * waits are rounded, up, to the nanosecond. Over any interval of length {@code t} the
 * bucket admits at most {@code burst + limit × t / period} permits; kept from filling up
 * (by callers that queue, or ask often enough), it admits exactly that many, rounded
 * down.
 * <p>
 * Its state is two words, so a lock guards it; {@link AtomicTokenBucket} does the same
 * without one for the rates whose arithmetic fits a single word.
 *
 * @author Resilience
 */
final class LockedTokenBucket extends LockedBucket {

	private final TokenRate rate;

	/**
	 * Whole nanoseconds of the instant at which the bucket is full again.
	 */
	private long fullNanos;

	/**
	 * Remainder of that instant, in units of {@code 1/limit} ns, from 0 to limit - 1.
	 */
	private long fullRemainder;

	LockedTokenBucket(TokenRate rate, long now) {
		this.rate = rate;
		this.fullNanos = now;
	}

	@Override
	long reserve(long now, long maxWaitNanos) {
		TokenRate rate = this.rate;
		long aheadNanos = this.fullNanos - now;
		long aheadRemainder = this.fullRemainder;
		if (aheadNanos < 0 || (aheadNanos == 0 && aheadRemainder == 0)) {
			aheadNanos = 0;
			aheadRemainder = 0;
		}
		long nextNanos = aheadNanos + rate.intervalNanos;
		long nextRemainder = aheadRemainder + rate.intervalRemainder;
		if (nextRemainder >= rate.limit) {
			nextRemainder -= rate.limit;
			nextNanos++;
		}
		// the permit is valid once the bucket is full again within burst intervals
		long waitNanos = nextNanos - rate.burstNanos;
		long waitRemainder = nextRemainder - rate.burstRemainder;
		if (waitRemainder < 0) {
			waitRemainder += rate.limit;
			waitNanos--;
		}
		if (waitRemainder > 0) {
			waitNanos++;
		}
		waitNanos = Math.max(waitNanos, 0);
		if (waitNanos > maxWaitNanos) {
			return rejected(waitNanos);
		}
		this.fullNanos = now + nextNanos;
		this.fullRemainder = nextRemainder;
		return waitNanos;
	}

	@Override
	boolean isIdle(long now) {
		long aheadNanos = this.fullNanos - now;
		return aheadNanos < 0 || (aheadNanos == 0 && this.fullRemainder == 0);
	}

	@Override
	long nanosUntilIdleAt(long now) {
		if (isIdle(now)) {
			return 0;
		}
		long aheadNanos = this.fullNanos - now;
		return (this.fullRemainder > 0) ? aheadNanos + 1 : aheadNanos;
	}

	@Override
	long availablePermitsAt(long now) {
		if (isIdle(now)) {
			return this.rate.burst;
		}
		// permits spent: the time until full, in intervals, rounded up
		long aheadNanos = this.fullNanos - now;
		long limit = this.rate.limit;
		long spent;
		if (aheadNanos <= (Long.MAX_VALUE - limit) / limit) {
			long scaled = aheadNanos * limit + this.fullRemainder;
			spent = scaled / this.rate.periodNanos + ((scaled % this.rate.periodNanos != 0) ? 1 : 0);
		}
		else {
			spent = (long) Math.ceil((double) aheadNanos * limit / this.rate.periodNanos);
		}
		return this.rate.burst - spent;
	}

}
