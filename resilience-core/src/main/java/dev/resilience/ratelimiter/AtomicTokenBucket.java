package dev.resilience.ratelimiter;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The token bucket of {@link LockedTokenBucket}, same arithmetic and same answers,
 * without a lock: its instant is one {@code long} updated by compare-and-set, so callers
 * racing for a permit retry a few nanoseconds of arithmetic instead of queueing on a
 * lock. Used for the rates {@link TokenRate#fitsOneWord()} accepts.
 * <p>
 * The instant is counted in units of {@code 1/q} ns (see {@link TokenRate}) and kept
 * modulo 2<sup>63</sup>, like {@link System#nanoTime()} values, which is exact as long as
 * it lies within 2<sup>62</sup> units of now: waits are capped at
 * {@link TokenRate#ATOMIC_LONGEST_NANOS} to keep it so ahead, and a bucket idle for more
 * than 36 years would be needed to break it behind. The top bit marks the bucket retired.
 *
 * @author Resilience
 */
final class AtomicTokenBucket extends Bucket {

	private static final VarHandle STATE;

	static {
		try {
			STATE = MethodHandles.lookup().findVarHandle(AtomicTokenBucket.class, "state", long.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private static final long INSTANT_MASK = Long.MAX_VALUE;

	private static final long RETIRED_BIT = Long.MIN_VALUE;

	private final long unitsPerNano;

	private final long intervalUnits;

	private final long burstUnits;

	private final long burst;

	/**
	 * The instant at which the bucket is full again, in units, modulo 2<sup>63</sup>; the
	 * top bit once retired.
	 */
	@SuppressWarnings("unused")
	private volatile long state;

	AtomicTokenBucket(TokenRate rate, long now) {
		this.unitsPerNano = rate.unitsPerNano;
		this.intervalUnits = rate.intervalUnits;
		this.burstUnits = rate.burstUnits;
		this.burst = rate.burst;
		this.state = (now * this.unitsPerNano) & INSTANT_MASK;
	}

	@Override
	long tryReserve(long now, long maxWaitNanos) {
		long maxWait = Math.min(maxWaitNanos, TokenRate.ATOMIC_LONGEST_NANOS);
		long nowUnits = now * this.unitsPerNano;
		while (true) {
			long current = this.state;
			if (current < 0) {
				return RETIRED;
			}
			long next = Math.max(ahead(current, nowUnits), 0) + this.intervalUnits;
			// the permit is valid once the bucket is full again within burst intervals
			long waitUnits = next - this.burstUnits;
			long waitNanos = (waitUnits > 0) ? (waitUnits + this.unitsPerNano - 1) / this.unitsPerNano : 0;
			if (waitNanos > maxWait) {
				return rejected(waitNanos);
			}
			if (STATE.weakCompareAndSet(this, current, (nowUnits + next) & INSTANT_MASK)) {
				return waitNanos;
			}
		}
	}

	@Override
	boolean retireIfIdle(long now) {
		long nowUnits = now * this.unitsPerNano;
		while (true) {
			long current = this.state;
			if (current < 0) {
				return true;
			}
			if (ahead(current, nowUnits) > 0) {
				return false;
			}
			if (STATE.weakCompareAndSet(this, current, current | RETIRED_BIT)) {
				return true;
			}
		}
	}

	@Override
	long nanosUntilIdle(long now) {
		long current = this.state;
		if (current < 0) {
			return 0;
		}
		long ahead = ahead(current, now * this.unitsPerNano);
		return (ahead > 0) ? (ahead + this.unitsPerNano - 1) / this.unitsPerNano : 0;
	}

	@Override
	long availablePermits(long now) {
		long current = this.state;
		long ahead = ahead(current & INSTANT_MASK, now * this.unitsPerNano);
		if (ahead <= 0) {
			return this.burst;
		}
		// permits spent: the time until full, in intervals, rounded up
		return this.burst - (ahead + this.intervalUnits - 1) / this.intervalUnits;
	}

	// units from now until the bucket is full again, negative once it is
	private static long ahead(long instant, long nowUnits) {
		return ((instant - nowUnits) << 1) >> 1;
	}

}
