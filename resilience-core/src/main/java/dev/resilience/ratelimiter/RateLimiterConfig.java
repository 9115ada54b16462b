package dev.resilience.ratelimiter;

import java.time.Duration;
import java.util.Objects;

import dev.resilience.core.Bound;

/**
 * Settings of one rate limiter, validated when created.
 *
 * @param algorithm how permits are counted
 * @param limit permits per period; within {@link #ALLOWED_LIMIT}
 * @param period the period over which {@code limit} permits are handed out; within
 * {@link #ALLOWED_PERIOD}
 * @param burst capacity of the token bucket: how many permits a bucket that has been
 * quiet long enough hands out at once; within {@link #ALLOWED_BURST}. Not used by the
 * {@link RateLimiterAlgorithm#SLIDING_WINDOW sliding window}, whose capacity is
 * {@code limit}
 * @param timeout how long a caller may wait for a permit; zero rejects at once when none
 * is available; within {@link #ALLOWED_TIMEOUT}
 * @param maxKeys most keys that may have a bucket of their own at once; within
 * {@link #ALLOWED_MAX_KEYS}. Idle buckets are dropped to make room; when none is idle,
 * calls with a new key are rejected
 * @param backend where the buckets are kept; {@link RateLimiterBackend#REDIS} requires
 * the {@link RateLimiterAlgorithm#TOKEN_BUCKET token bucket}
 * @param redisFailureMode what to do when the {@link RateLimiterBackend#REDIS Redis}
 * backend does not answer in time; not used by the local backend
 * @author Resilience
 * @since 0.1.0
 */
public record RateLimiterConfig(RateLimiterAlgorithm algorithm, int limit, Duration period, int burst, Duration timeout,
		int maxKeys, RateLimiterBackend backend, RedisFailureMode redisFailureMode) {

	/**
	 * Default {@link #algorithm()}.
	 */
	public static final RateLimiterAlgorithm DEFAULT_ALGORITHM = RateLimiterAlgorithm.TOKEN_BUCKET;

	/**
	 * Default {@link #limit()}.
	 */
	public static final int DEFAULT_LIMIT = 100;

	/**
	 * Values allowed for {@link #limit()}.
	 */
	public static final Bound<Integer> ALLOWED_LIMIT = Bound.atLeast(1);

	/**
	 * Default {@link #period()}.
	 */
	public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(1);

	/**
	 * Values allowed for {@link #period()}.
	 */
	public static final Bound<Duration> ALLOWED_PERIOD = Bound.positive();

	/**
	 * Default {@link #burst()}.
	 */
	public static final int DEFAULT_BURST = 100;

	/**
	 * Values allowed for {@link #burst()}.
	 */
	public static final Bound<Integer> ALLOWED_BURST = Bound.atLeast(1);

	/**
	 * Default {@link #timeout()}: no wait.
	 */
	public static final Duration DEFAULT_TIMEOUT = Duration.ZERO;

	/**
	 * Values allowed for {@link #timeout()}.
	 */
	public static final Bound<Duration> ALLOWED_TIMEOUT = Bound.notNegative();

	/**
	 * Default {@link #maxKeys()}.
	 */
	public static final int DEFAULT_MAX_KEYS = 100_000;

	/**
	 * Values allowed for {@link #maxKeys()}.
	 */
	public static final Bound<Integer> ALLOWED_MAX_KEYS = Bound.atLeast(1);

	/**
	 * Default {@link #backend()}.
	 */
	public static final RateLimiterBackend DEFAULT_BACKEND = RateLimiterBackend.LOCAL;

	/**
	 * Default {@link #redisFailureMode()}.
	 */
	public static final RedisFailureMode DEFAULT_REDIS_FAILURE_MODE = RedisFailureMode.LOCAL;

	private static final RateLimiterConfig DEFAULTS = new RateLimiterConfig(DEFAULT_ALGORITHM, DEFAULT_LIMIT,
			DEFAULT_PERIOD, DEFAULT_BURST, DEFAULT_TIMEOUT, DEFAULT_MAX_KEYS, DEFAULT_BACKEND,
			DEFAULT_REDIS_FAILURE_MODE);

	/**
	 * Validate the configuration.
	 * @throws IllegalArgumentException naming the first invalid value
	 */
	public RateLimiterConfig {
		Objects.requireNonNull(algorithm, "algorithm must not be null");
		Objects.requireNonNull(period, "period must not be null");
		Objects.requireNonNull(timeout, "timeout must not be null");
		Objects.requireNonNull(backend, "backend must not be null");
		Objects.requireNonNull(redisFailureMode, "redisFailureMode must not be null");
		ALLOWED_LIMIT.check("limit", limit);
		ALLOWED_PERIOD.check("period", period);
		ALLOWED_BURST.check("burst", burst);
		ALLOWED_TIMEOUT.check("timeout", timeout);
		ALLOWED_MAX_KEYS.check("maxKeys", maxKeys);
		if (backend == RateLimiterBackend.REDIS && algorithm != RateLimiterAlgorithm.TOKEN_BUCKET) {
			throw new IllegalArgumentException(
					"algorithm must be TOKEN_BUCKET with backend REDIS, but was " + algorithm);
		}
	}

	/**
	 * Return the default configuration.
	 * @return the defaults
	 */
	public static RateLimiterConfig ofDefaults() {
		return DEFAULTS;
	}

	/**
	 * Return a builder that starts from the defaults.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder(DEFAULTS);
	}

	/**
	 * Return a builder that starts from this configuration.
	 * @return a new builder
	 */
	public Builder toBuilder() {
		return new Builder(this);
	}

	/**
	 * Builds a {@link RateLimiterConfig}; each method sets the component of the same
	 * name.
	 */
	public static final class Builder {

		private RateLimiterAlgorithm algorithm;

		private int limit;

		private Duration period;

		private int burst;

		private Duration timeout;

		private int maxKeys;

		private RateLimiterBackend backend;

		private RedisFailureMode redisFailureMode;

		private Builder(RateLimiterConfig from) {
			this.algorithm = from.algorithm;
			this.limit = from.limit;
			this.period = from.period;
			this.burst = from.burst;
			this.timeout = from.timeout;
			this.maxKeys = from.maxKeys;
			this.backend = from.backend;
			this.redisFailureMode = from.redisFailureMode;
		}

		/**
		 * Set how permits are counted.
		 * @param algorithm the algorithm
		 * @return this builder
		 */
		public Builder algorithm(RateLimiterAlgorithm algorithm) {
			this.algorithm = algorithm;
			return this;
		}

		/**
		 * Set the number of permits per period.
		 * @param limit the permits per period
		 * @return this builder
		 */
		public Builder limit(int limit) {
			this.limit = limit;
			return this;
		}

		/**
		 * Set the period over which {@code limit} permits are handed out.
		 * @param period the period
		 * @return this builder
		 */
		public Builder period(Duration period) {
			this.period = period;
			return this;
		}

		/**
		 * Set the capacity of the token bucket.
		 * @param burst the capacity
		 * @return this builder
		 */
		public Builder burst(int burst) {
			this.burst = burst;
			return this;
		}

		/**
		 * Set how long a caller may wait for a permit.
		 * @param timeout the longest wait
		 * @return this builder
		 */
		public Builder timeout(Duration timeout) {
			this.timeout = timeout;
			return this;
		}

		/**
		 * Set the most keys that may have a bucket of their own at once.
		 * @param maxKeys the cap on live keys
		 * @return this builder
		 */
		public Builder maxKeys(int maxKeys) {
			this.maxKeys = maxKeys;
			return this;
		}

		/**
		 * Set where the buckets are kept.
		 * @param backend the backend
		 * @return this builder
		 */
		public Builder backend(RateLimiterBackend backend) {
			this.backend = backend;
			return this;
		}

		/**
		 * Set what to do when the Redis backend does not answer in time.
		 * @param redisFailureMode the failure mode
		 * @return this builder
		 */
		public Builder redisFailureMode(RedisFailureMode redisFailureMode) {
			this.redisFailureMode = redisFailureMode;
			return this;
		}

		/**
		 * Build the configuration.
		 * @return the configuration
		 * @throws IllegalArgumentException naming the first invalid value
		 */
		public RateLimiterConfig build() {
			return new RateLimiterConfig(this.algorithm, this.limit, this.period, this.burst, this.timeout,
					this.maxKeys, this.backend, this.redisFailureMode);
		}

	}

}
