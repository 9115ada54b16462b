package dev.resilience.ratelimiter;

import java.math.BigInteger;

/**
 * The arithmetic of one token bucket configuration, shared by all its buckets.
 * <p>
 * {@link LockedTokenBucket} splits every time into whole nanoseconds and a remainder in
 * units of {@code 1/limit} ns. {@link AtomicTokenBucket} counts in units of {@code 1/q}
 * ns instead, where {@code period / limit = p / q} in lowest terms, so that an interval
 * is the whole number {@code p} of units and the bucket's instant one {@code long}.
 *
 * @author Resilience
 */
final class TokenRate {

	/**
	 * Largest {@link #unitsPerNano} for which an instant in units, kept modulo
	 * 2<sup>63</sup>, still tells apart times up to 36 years before or after now.
	 */
	private static final long MAX_UNITS_PER_NANO = 4;

	/**
	 * Longest burst, and longest wait, the single-word arithmetic deals with: about 9
	 * years, so that an instant is never further than 2<sup>60</sup> ns ahead.
	 */
	static final long ATOMIC_LONGEST_NANOS = 1L << 58;

	final long limit;

	final long burst;

	final long periodNanos;

	final long intervalNanos;

	final long intervalRemainder;

	final long burstNanos;

	final long burstRemainder;

	/**
	 * Units of time per nanosecond, {@code q}.
	 */
	final long unitsPerNano;

	/**
	 * One interval in units, {@code p}.
	 */
	final long intervalUnits;

	/**
	 * {@code burst} intervals in units.
	 */
	final long burstUnits;

	TokenRate(RateLimiterConfig config) {
		this.limit = config.limit();
		this.burst = config.burst();
		this.periodNanos = Bucket.nanos(config.period());
		this.intervalNanos = this.periodNanos / this.limit;
		this.intervalRemainder = this.periodNanos % this.limit;
		// burst × interval, where burst × intervalRemainder < burst × limit < 2^62
		long spread = this.burst * this.intervalRemainder;
		if (this.intervalNanos > (Bucket.LONGEST_NANOS - spread / this.limit) / this.burst) {
			this.burstNanos = Bucket.LONGEST_NANOS;
			this.burstRemainder = 0;
		}
		else {
			this.burstNanos = this.burst * this.intervalNanos + spread / this.limit;
			this.burstRemainder = spread % this.limit;
		}
		long gcd = BigInteger.valueOf(this.periodNanos).gcd(BigInteger.valueOf(this.limit)).longValueExact();
		this.unitsPerNano = this.limit / gcd;
		this.intervalUnits = this.periodNanos / gcd;
		this.burstUnits = fitsOneWord() ? this.burst * this.intervalUnits : 0;
	}

	/**
	 * Whether an {@link AtomicTokenBucket} can keep this rate exactly: true of every rate
	 * whose interval is a whole number of quarter nanoseconds (1,000 per second, 3 per
	 * second, 50 per millisecond, but not 7 per second) and whose burst spans less than
	 * {@link #ATOMIC_LONGEST_NANOS}.
	 * @return {@code true} if the rate fits a single word
	 */
	boolean fitsOneWord() {
		return this.unitsPerNano <= MAX_UNITS_PER_NANO && this.burstNanos < ATOMIC_LONGEST_NANOS;
	}

}
