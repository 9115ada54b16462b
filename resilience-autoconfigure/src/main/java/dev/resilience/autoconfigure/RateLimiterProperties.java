package dev.resilience.autoconfigure;

import java.time.Duration;

import dev.resilience.ratelimiter.RateLimiterAlgorithm;
import dev.resilience.ratelimiter.RateLimiterBackend;
import dev.resilience.ratelimiter.RedisFailureMode;
import org.jspecify.annotations.Nullable;

/**
 * Settings of a rate-limiter instance. An unset value is inherited from
 * {@code resilience.rate-limiter.defaults}, and there from the built-in default.
 *
 * @author Resilience
 * @since 0.1.0
 */
public class RateLimiterProperties {

	/**
	 * How permits are counted: token-bucket (refills limit permits per period, up to
	 * burst) or sliding-window (at most limit calls in any window of one period).
	 */
	private @Nullable RateLimiterAlgorithm algorithm;

	/**
	 * Permits per period. At least 1.
	 */
	private @Nullable Integer limit;

	/**
	 * Period over which limit permits are granted. Positive.
	 */
	private @Nullable Duration period;

	/**
	 * Capacity of the token bucket: the most permits granted at once after an idle spell.
	 * At least 1.
	 */
	private @Nullable Integer burst;

	/**
	 * Longest a caller may wait for a permit; 0 rejects at once. Not negative.
	 */
	private @Nullable Duration timeout;

	/**
	 * Most live per-key buckets (see the key attribute of @RateLimited); idle buckets
	 * expire, and new keys are rejected while the cap is reached. At least 1.
	 */
	private @Nullable Integer maxKeys;

	/**
	 * Where the buckets are kept: local (in this JVM, a limit per application instance)
	 * or redis (in the application's Redis, one limit shared by every instance; needs
	 * Spring Data Redis with Lettuce, a RedisConnectionFactory bean and the token-bucket
	 * algorithm).
	 */
	private @Nullable RateLimiterBackend backend;

	/**
	 * What a redis-backed limiter does while Redis does not answer within
	 * resilience.rate-limiter.redis.command-timeout: local (take permits from a local
	 * limiter with the same settings), allow (admit every call) or deny (reject every
	 * call).
	 */
	private @Nullable RedisFailureMode redisFailureMode;

	public @Nullable RateLimiterAlgorithm getAlgorithm() {
		return this.algorithm;
	}

	public void setAlgorithm(@Nullable RateLimiterAlgorithm algorithm) {
		this.algorithm = algorithm;
	}

	public @Nullable Integer getLimit() {
		return this.limit;
	}

	public void setLimit(@Nullable Integer limit) {
		this.limit = limit;
	}

	public @Nullable Duration getPeriod() {
		return this.period;
	}

	public void setPeriod(@Nullable Duration period) {
		this.period = period;
	}

	public @Nullable Integer getBurst() {
		return this.burst;
	}

	public void setBurst(@Nullable Integer burst) {
		this.burst = burst;
	}

	public @Nullable Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(@Nullable Duration timeout) {
		this.timeout = timeout;
	}

	public @Nullable Integer getMaxKeys() {
		return this.maxKeys;
	}

	public void setMaxKeys(@Nullable Integer maxKeys) {
		this.maxKeys = maxKeys;
	}

	public @Nullable RateLimiterBackend getBackend() {
		return this.backend;
	}

	public void setBackend(@Nullable RateLimiterBackend backend) {
		this.backend = backend;
	}

	public @Nullable RedisFailureMode getRedisFailureMode() {
		return this.redisFailureMode;
	}

	public void setRedisFailureMode(@Nullable RedisFailureMode redisFailureMode) {
		this.redisFailureMode = redisFailureMode;
	}

}
