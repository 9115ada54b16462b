package dev.resilience.ratelimiter;

import dev.resilience.core.EventBuffer;
import dev.resilience.core.TimeSource;

/**
 * Creates the {@link PermitStore} of each rate limiter whose
 * {@link RateLimiterConfig#backend() backend} is remote.
 *
 * @author Resilience
 * @since 0.1.0
 */
@FunctionalInterface
public interface PermitStoreFactory {

	/**
	 * Create the store of one rate limiter.
	 * @param name the rate limiter's name
	 * @param config its settings
	 * @param local the limiter's own local buckets, with the same settings, for a store
	 * that falls back on them
	 * @param events the limiter's event buffer, where the store records its own events
	 * @param timeSource the limiter's clock, which stamps those events
	 * @return the store
	 */
	PermitStore create(String name, RateLimiterConfig config, PermitStore local, EventBuffer events,
			TimeSource timeSource);

}
