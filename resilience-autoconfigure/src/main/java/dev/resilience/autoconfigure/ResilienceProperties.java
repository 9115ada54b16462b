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
		 * Where the saga log is kept: "auto" uses the application's DataSource when it
		 * has one (and Spring JDBC is on the classpath), else memory.
		 */
		private Store store = Store.AUTO;

		private final Jdbc jdbc = new Jdbc();

		private final Recovery recovery = new Recovery();

		private final CompensationRetry compensationRetry = new CompensationRetry();

		public Store getStore() {
			return this.store;
		}

		public void setStore(Store store) {
			this.store = store;
		}

		public Jdbc getJdbc() {
			return this.jdbc;
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
			 * The JDBC store when the application has a DataSource and Spring JDBC is on
			 * the classpath, else memory.
			 */
			AUTO,

			/**
			 * In memory: lost when the application stops.
			 */
			MEMORY,

			/**
			 * In the application's database: survives restarts, and lets another instance
			 * finish the compensation of a saga whose instance stopped.
			 */
			JDBC

		}

		/**
		 * Settings of the JDBC saga store.
		 */
		public static class Jdbc {

			/**
			 * When to create the saga tables on start: for an embedded database only,
			 * always, or never. The scripts create only what is missing.
			 */
			private InitializeSchema initializeSchema = InitializeSchema.EMBEDDED;

			/**
			 * Prefix of the saga table names (PREFIX + "SAGA" and PREFIX + "SAGA_STEP").
			 * Letters, digits and underscores, not starting with a digit.
			 */
			private String tablePrefix = "RESILIENCE_";

			/**
			 * How long completed and compensated sagas are kept; older ones are deleted
			 * every recovery interval. Failed sagas are kept until an operator retries
			 * them. 0 keeps every saga. Not negative.
			 */
			private Duration retention = Duration.ofDays(7);

			public InitializeSchema getInitializeSchema() {
				return this.initializeSchema;
			}

			public void setInitializeSchema(InitializeSchema initializeSchema) {
				this.initializeSchema = initializeSchema;
			}

			public String getTablePrefix() {
				return this.tablePrefix;
			}

			public void setTablePrefix(String tablePrefix) {
				this.tablePrefix = tablePrefix;
			}

			public Duration getRetention() {
				return this.retention;
			}

			public void setRetention(Duration retention) {
				this.retention = retention;
			}

		}

		/**
		 * When the saga tables are created.
		 */
		public enum InitializeSchema {

			/**
			 * Only for an embedded database, such as in-memory H2.
			 */
			EMBEDDED,

			/**
			 * On every start; the scripts create only what is missing.
			 */
			ALWAYS,

			/**
			 * Never: the tables are created by the application's own migrations.
			 */
			NEVER

		}

		/**
		 * Settings of the recovery of sagas left unfinished by an instance that stopped.
		 */
		public static class Recovery {

			/**
			 * Whether this instance looks for sagas left unfinished by a stopped
			 * instance, on start and then every interval, and finishes their
			 * compensation.
			 */
			private boolean enabled = true;

			/**
			 * Time between two looks for unfinished sagas. Positive.
			 */
			private Duration interval = Duration.ofSeconds(30);

			/**
			 * How long an instance holds a saga without renewing its lease; past it,
			 * another instance may take the saga over. Leases are renewed every third of
			 * it. Positive.
			 */
			private Duration lease = Duration.ofMinutes(1);

			public boolean isEnabled() {
				return this.enabled;
			}

			public void setEnabled(boolean enabled) {
				this.enabled = enabled;
			}

			public Duration getInterval() {
				return this.interval;
			}

			public void setInterval(Duration interval) {
				this.interval = interval;
			}

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
