package dev.resilience.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Configuration properties of the resilience starter, under {@code resilience}.
 *
 * @author Resilience
 * @since 0.1.0
 */
@ConfigurationProperties("resilience")
public class ResilienceProperties {

	/**
	 * Whether resilience annotations are applied. When false, no proxies are created and
	 * the annotations are inert.
	 */
	private boolean enabled = true;

	private final Retry retry = new Retry();

	private final CircuitBreaker circuitBreaker = new CircuitBreaker();

	private final RateLimiter rateLimiter = new RateLimiter();

	private final Bulkhead bulkhead = new Bulkhead();

	private final TimeLimiter timeLimiter = new TimeLimiter();

	private final Saga saga = new Saga();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
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

	public Saga getSaga() {
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

			/**
			 * Longest wait for Redis's answer to one permit request; past it, the
			 * instance's redis-failure-mode answers instead and Redis is probed until it
			 * answers again. Positive.
			 */
			private Duration commandTimeout = Duration.ofMillis(50);

			/**
			 * Time between two probes of Redis while it does not answer. Positive.
			 */
			private Duration probeInterval = Duration.ofSeconds(1);

			public Duration getCommandTimeout() {
				return this.commandTimeout;
			}

			public void setCommandTimeout(Duration commandTimeout) {
				this.commandTimeout = commandTimeout;
			}

			public Duration getProbeInterval() {
				return this.probeInterval;
			}

			public void setProbeInterval(Duration probeInterval) {
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

	/**
	 * Saga settings.
	 */
	public static class Saga {

		/**
		 * Where the saga log is kept. Only "memory" is available in this version, and
		 * "auto" means memory; "jdbc" fails the start until the JDBC saga store arrives.
		 */
		private Store store = Store.AUTO;

		private final Recovery recovery = new Recovery();

		private final CompensationRetry compensationRetry = new CompensationRetry();

		public Store getStore() {
			return this.store;
		}

		public void setStore(Store store) {
			this.store = store;
		}

		public Recovery getRecovery() {
			return this.recovery;
		}

		public CompensationRetry getCompensationRetry() {
			return this.compensationRetry;
		}

		/**
		 * Where the saga log is kept.
		 */
		public enum Store {

			/**
			 * The JDBC store when the application has a DataSource and the JDBC saga
			 * store is available, else memory.
			 */
			AUTO,

			/**
			 * In memory: lost when the application stops.
			 */
			MEMORY,

			/**
			 * In the application's database.
			 */
			JDBC

		}

		/**
		 * Settings of the recovery of sagas left unfinished by an instance that stopped.
		 */
		public static class Recovery {

			/**
			 * How long an instance holds a saga without renewing its lease; past it,
			 * another instance may take the saga over. Positive.
			 */
			private Duration lease = Duration.ofMinutes(1);

			public Duration getLease() {
				return this.lease;
			}

			public void setLease(Duration lease) {
				this.lease = lease;
			}

		}

		/**
		 * How a failing compensation is retried before its saga is marked FAILED.
		 */
		public static class CompensationRetry {

			/**
			 * Attempts per compensation, including the first. At least 1.
			 */
			private int maxAttempts = 5;

			/**
			 * Wait between two attempts. Not negative.
			 */
			private Duration waitDuration = Duration.ofSeconds(1);

			public int getMaxAttempts() {
				return this.maxAttempts;
			}

			public void setMaxAttempts(int maxAttempts) {
				this.maxAttempts = maxAttempts;
			}

			public Duration getWaitDuration() {
				return this.waitDuration;
			}

			public void setWaitDuration(Duration waitDuration) {
				this.waitDuration = waitDuration;
			}

		}

	}

}
