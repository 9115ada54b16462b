package dev.resilience.ratelimiter;

import java.util.concurrent.CompletionStage;

/**
 * Where a rate limiter keeps its buckets and reserves its permits: buckets in this JVM by
 * default, or a remote store shared by every instance of an application, created by a
 * {@link PermitStoreFactory}.
 * <p>
 * A reservation is answered with one {@code long}, as {@link RateLimiter#reserve} does: a
 * wait of zero or more nanoseconds when a permit is granted (the caller waits that long
 * before its call, and later callers queue behind it), or a negative code when not,
 * {@link #rejected(long)} of the wait the permit would have needed. The local store also
 * answers {@link Long#MIN_VALUE} for a new key it has no room to track; a remote store
 * that falls back on the local store passes its answers on unchanged.
 * <p>
 * A remote store answers {@link #reserve} within a bounded time, blocking the caller
 * meanwhile; {@link #reserveAsync} never blocks, and completes its stage on a thread that
 * may run the caller's continuation (never on the I/O thread of a client library).
 *
 * @author Resilience
 * @since 0.1.0
 */
public interface PermitStore {

	/**
	 * Take a permit now, or reserve the next free one if it comes within
	 * {@code maxWaitNanos}.
	 * @param key the bucket's key, or {@link RateLimiter#DEFAULT_KEY}
	 * @param maxWaitNanos how long the caller may wait, not negative
	 * @return the wait in nanoseconds, or a negative code when no permit is granted
	 */
	long reserve(Object key, long maxWaitNanos);

	/**
	 * Take a permit now, or reserve the next free one if it comes within
	 * {@code maxWaitNanos}, without blocking the caller.
	 * @param key the bucket's key, or {@link RateLimiter#DEFAULT_KEY}
	 * @param maxWaitNanos how long the caller may wait, not negative
	 * @return a stage completed with the answer {@link #reserve} would give
	 */
	CompletionStage<Long> reserveAsync(Object key, long maxWaitNanos);

	/**
	 * Return how many permits the unkeyed bucket could hand out at this instant without a
	 * wait, negative while callers wait for permits promised to them. A remote store may
	 * answer the number it last learnt rather than ask.
	 * @return the available permits of the unkeyed bucket
	 */
	long availablePermits();

	/**
	 * Return whether the store answers reservations itself, as opposed to the failure
	 * handling that stands in while it cannot. The local store always does.
	 * @return {@code true} if available
	 */
	default boolean isAvailable() {
		return true;
	}

	/**
	 * Encode a refusal.
	 * @param waitNanos the wait the permit would have needed, not negative
	 * @return the negative answer that carries it
	 */
	static long rejected(long waitNanos) {
		if (waitNanos < 0) {
			throw new IllegalArgumentException("waitNanos must not be negative, but was " + waitNanos);
		}
		return Bucket.rejected(waitNanos);
	}

}
