package dev.resilience.ratelimiter;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import dev.resilience.core.TimeSource;

/**
 * The buckets of a rate limiter kept in this JVM: the unkeyed bucket and those of the
 * keys in use.
 *
 * @author Resilience
 */
final class LocalPermitStore implements PermitStore {

	private final Bucket unkeyed;

	private final KeyedBuckets keyed;

	private final TimeSource clock;

	LocalPermitStore(Bucket unkeyed, KeyedBuckets keyed, TimeSource clock) {
		this.unkeyed = unkeyed;
		this.keyed = keyed;
		this.clock = clock;
	}

	@Override
	public long reserve(Object key, long maxWaitNanos) {
		if (key == RateLimiter.DEFAULT_KEY) {
			return this.unkeyed.tryReserve(this.clock.nanoTime(), maxWaitNanos);
		}
		return this.keyed.reserve(Objects.requireNonNull(key, "key must not be null"), maxWaitNanos);
	}

	@Override
	public CompletionStage<Long> reserveAsync(Object key, long maxWaitNanos) {
		return CompletableFuture.completedFuture(reserve(key, maxWaitNanos));
	}

	@Override
	public long availablePermits() {
		return this.unkeyed.availablePermits(this.clock.nanoTime());
	}

	@Override
	public String toString() {
		return "LocalPermitStore";
	}

}
