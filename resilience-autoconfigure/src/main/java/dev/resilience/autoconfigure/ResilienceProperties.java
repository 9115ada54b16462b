package dev.resilience.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Configuration properties of the resilience starter, under {@code resilience}.
 * <p>
 * A name under {@code resilience} that this tree does not bind fails the start, explained
 * by {@link UnknownPropertyFailureAnalyzer}: ignored, a misspelt key would leave its
 * default in force unnoticed. Every setting under {@code resilience} therefore belongs in
 * this tree.
 *
 * @author Resilience
 * @since 0.1.0
 */
@ConfigurationProperties(prefix = "resilience", ignoreUnknownFields = false)
public class ResilienceProperties {

	/**
	 * Whether resilience annotations are applied. When false, no proxies are created and
	 * the annotations are inert.
	 */
	private boolean enabled = true;

	/**
	 * Order of the resilience advisor among the other advisors of a proxied bean: it goes
	 * inside every advisor whose order is lower than or equal to this one, and outside
	 * the rest. When unset, it goes inside caching, @Async, method validation and method
	 * security, and outside every other advisor, transactions included.
	 */
	private @Nullable Integer interceptorOrder;

	private final Retry retry = new Retry();

	private final CircuitBreaker circuitBreaker = new CircuitBreaker();

	private final RateLimiter rateLimiter = new RateLimiter();

	private final Bulkhead bulkhead = new Bulkhead();

	private final TimeLimiter timeLimiter = new TimeLimiter();

	/**
	 * Saga settings.
	 */
	@NestedConfigurationProperty
	private final SagaProperties saga = new SagaProperties();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable Integer getInterceptorOrder() {
		return this.interceptorOrder;
	}

	public void setInterceptorOrder(@Nullable Integer interceptorOrder) {
		this.interceptorOrder = interceptorOrder;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public CircuitBreaker getCircuitBreaker() {
		return this.circuitBreaker;
	}

	public RateLimiter getRateLimiter() {
		return this.rateLimiter;
	}

	public Bulkhead getBulkhead() {
		return this.bulkhead;
	}

	public TimeLimiter getTimeLimiter() {
		return this.timeLimiter;
	}

	public SagaProperties getSaga() {
		return this.saga;
	}

	/**
	 * Retry settings.
	 */
	public static class Retry implements Instances<RetryProperties> {

		/**
		 * Settings every retry instance inherits unless it sets its own.
		 */
		@NestedConfigurationProperty
		private final RetryProperties defaults = new RetryProperties();

		/**
		 * Named retry instances, created at start-up. Names containing dots must be
		 * bracketed, such as "[InventoryClient.stock]".
		 */
		private final Map<String, RetryProperties> instances = new LinkedHashMap<>();

		@Override
		public RetryProperties getDefaults() {
			return this.defaults;
		}

		@Override
		public Map<String, RetryProperties> getInstances() {
			return this.instances;
		}

	}

	/**
	 * Circuit-breaker settings.
	 */
	public static class CircuitBreaker implements Instances<CircuitBreakerProperties> {

		/**
		 * Settings every circuit-breaker instance inherits unless it sets its own.
		 */
		@NestedConfigurationProperty
		private final CircuitBreakerProperties defaults = new CircuitBreakerProperties();

		/**
		 * Named circuit-breaker instances, created at start-up. Names containing dots
		 * must be bracketed, such as "[InventoryClient.stock]".
		 */
		private final Map<String, CircuitBreakerProperties> instances = new LinkedHashMap<>();

		@Override
		public CircuitBreakerProperties getDefaults() {
			return this.defaults;
		}

		@Override
		public Map<String, CircuitBreakerProperties> getInstances() {
			return this.instances;
		}

	}

	/**
	 * Rate-limiter settings.
	 */
	public static class RateLimiter implements Instances<RateLimiterProperties> {

		/**
		 * Settings every rate-limiter instance inherits unless it sets its own.
		 */
		@NestedConfigurationProperty
		private final RateLimiterProperties defaults = new RateLimiterProperties();

		/**
		 * Named rate-limiter instances, created at start-up. Names containing dots must
		 * be bracketed, such as "[InventoryClient.stock]".
		 */
		private final Map<String, RateLimiterProperties> instances = new LinkedHashMap<>();

		private final Redis redis = new Redis();

		@Override
		public RateLimiterProperties getDefaults() {
			return this.defaults;
		}

		@Override
		public Map<String, RateLimiterProperties> getInstances() {
			return this.instances;
		}

		public Redis getRedis() {
			return this.redis;
		}

		/**
		 * Settings of the Redis backend, shared by every redis-backed rate limiter.
		 */
		public static class Redis {

			// unset takes the backend's default, which this class cannot read: the
			// backend needs Spring Data Redis, which is optional

			/**
			 * Longest wait for Redis's answer to one permit request; past it, the
			 * instance's redis-failure-mode answers instead and Redis is probed until it
			 * answers again. Positive.
			 */
			private @Nullable Duration commandTimeout;

			/**
			 * Time between two probes of Redis while it does not answer. Positive.
			 */
			private @Nullable Duration probeInterval;

			public @Nullable Duration getCommandTimeout() {
				return this.commandTimeout;
			}

			public void setCommandTimeout(@Nullable Duration commandTimeout) {
				this.commandTimeout = commandTimeout;
			}

			public @Nullable Duration getProbeInterval() {
				return this.probeInterval;
			}

			public void setProbeInterval(@Nullable Duration probeInterval) {
				this.probeInterval = probeInterval;
			}

		}

	}

	/**
	 * Bulkhead settings.
	 */
	public static class Bulkhead implements Instances<BulkheadProperties> {

		/**
		 * Settings every bulkhead instance inherits unless it sets its own.
		 */
		@NestedConfigurationProperty
		private final BulkheadProperties defaults = new BulkheadProperties();

		/**
		 * Named bulkhead instances, created at start-up. Names containing dots must be
		 * bracketed, such as "[InventoryClient.stock]".
		 */
		private final Map<String, BulkheadProperties> instances = new LinkedHashMap<>();

		@Override
		public BulkheadProperties getDefaults() {
			return this.defaults;
		}

		@Override
		public Map<String, BulkheadProperties> getInstances() {
			return this.instances;
		}

	}

	/**
	 * Time-limiter settings.
	 */
	public static class TimeLimiter implements Instances<TimeLimiterProperties> {

		/**
		 * Settings every time-limiter instance inherits unless it sets its own.
		 */
		@NestedConfigurationProperty
		private final TimeLimiterProperties defaults = new TimeLimiterProperties();

		/**
		 * Named time-limiter instances, created at start-up. Names containing dots must
		 * be bracketed, such as "[InventoryClient.stock]".
		 */
		private final Map<String, TimeLimiterProperties> instances = new LinkedHashMap<>();

		@Override
		public TimeLimiterProperties getDefaults() {
			return this.defaults;
		}

		@Override
		public Map<String, TimeLimiterProperties> getInstances() {
			return this.instances;
		}

	}

}
