package dev.resilience.actuate;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import dev.resilience.ratelimiter.RateLimiter;
import dev.resilience.ratelimiter.RateLimiterConfig;
import dev.resilience.ratelimiter.RateLimiterMetrics;
import dev.resilience.ratelimiter.RateLimiterRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Rate limiters on the {@link ResilienceEndpoint}, under {@code rate-limiters}. They have
 * no state an operator could change, so writes are refused.
 *
 * @author Resilience
 * @since 0.1.0
 */
public class RateLimiterKind implements ResilienceKind {

	private final RateLimiterRegistry registry;

	/**
	 * Create a kind showing the rate limiters of the given registry.
	 * @param registry the registry
	 */
	public RateLimiterKind(RateLimiterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public String path() {
		return "rate-limiters";
	}

	@Override
	public String key() {
		return "rateLimiters";
	}

	@Override
	public Map<String, Object> summaries() {
		Map<String, Object> summaries = new LinkedHashMap<>();
		for (RateLimiter rateLimiter : this.registry.all()) {
			summaries.put(rateLimiter.name(), Summary.of(rateLimiter));
		}
		return summaries;
	}

	@Override
	public @Nullable InstanceDescription describe(String name) {
		return this.registry.find(name)
			.map((rateLimiter) -> InstanceDescription.of(rateLimiter.name(), Summary.of(rateLimiter),
					config(rateLimiter.config()), rateLimiter.events()))
			.orElse(null);
	}

	private static Map<String, Object> config(RateLimiterConfig config) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("algorithm", ConfigValues.enumValue(config.algorithm()));
		values.put("limit", config.limit());
		values.put("period", ConfigValues.duration(config.period()));
		values.put("burst", config.burst());
		values.put("timeout", ConfigValues.duration(config.timeout()));
		values.put("max-keys", config.maxKeys());
		values.put("backend", ConfigValues.enumValue(config.backend()));
		values.put("redis-failure-mode", ConfigValues.enumValue(config.redisFailureMode()));
		return values;
	}

	/**
	 * Live state and counters of a rate limiter, its counters over all keys since it was
	 * created.
	 *
	 * @param availablePermits permits the unkeyed bucket could hand out now without a
	 * wait; negative while callers wait for permits promised to them
	 * @param liveKeys keys that have a bucket of their own right now
	 * @param permittedCalls calls that got a permit, at once or after a wait
	 * @param rejectedCalls calls that got no permit, {@code keyCapRejections} included
	 * @param keyCapRejections calls rejected because their key was new and the limiter
	 * already tracked {@code max-keys} keys, none of them idle
	 * @param backend where the buckets are kept: {@code local} or {@code redis}
	 * @param backendHealth for a remote backend, {@code UP} while it answers and
	 * {@code DOWN} while its failure mode stands in for it; {@code null} (and left out of
	 * the JSON) for the local backend
	 */
	public record Summary(long availablePermits, int liveKeys, long permittedCalls, long rejectedCalls,
			long keyCapRejections, String backend, @JsonInclude(Include.NON_NULL) @Nullable String backendHealth) {

		static Summary of(RateLimiter rateLimiter) {
			RateLimiterMetrics metrics = rateLimiter.metrics();
			String health = rateLimiter.isRemote() ? (rateLimiter.isBackendAvailable() ? "UP" : "DOWN") : null;
			return new Summary(metrics.availablePermits(), metrics.liveKeys(), metrics.permittedCalls(),
					metrics.rejectedCalls(), metrics.keyCapRejections(),
					ConfigValues.enumValue(rateLimiter.config().backend()), health);
		}

	}

}
