package dev.resilience.autoconfigure;

import java.time.Duration;

import dev.resilience.saga.CompensationRetryConfig;
import dev.resilience.saga.SagaCoordinator;
import dev.resilience.saga.jdbc.JdbcSagaStore;

/**
 * Saga settings, {@code resilience.saga.*}.
 *
 * @author Resilience
 * @since 0.1.0
 */
public class SagaProperties {

	/**
	 * Where the saga log is kept: "auto" uses the application's DataSource when it has
	 * one (and Spring JDBC is on the classpath), else memory. Setting it explicitly also
	 * sets up recovery and the tables of the JDBC log when no bean has saga annotations,
	 * as when sagas run through SagaTemplate alone.
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
		 * The JDBC store when the application has a DataSource and Spring JDBC is on the
		 * classpath, else memory.
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
		 * When to create the saga tables on start, if the application has sagas: for an
		 * embedded database only, always, or never. The scripts create only what is
		 * missing. With sagas and the tables still missing, the start fails.
		 */
		private InitializeSchema initializeSchema = InitializeSchema.EMBEDDED;

		/**
		 * Prefix of the saga table names (PREFIX + "SAGA" and PREFIX + "SAGA_STEP").
		 * Letters, digits and underscores, not starting with a digit.
		 */
		private String tablePrefix = JdbcSagaStore.DEFAULT_TABLE_PREFIX;

		/**
		 * How long completed and compensated sagas are kept; older ones are deleted every
		 * recovery interval. Failed sagas are kept until an operator retries them. 0
		 * keeps every saga. Not negative.
		 */
		private Duration retention = SagaRecoveryScheduler.DEFAULT_RETENTION;

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
		 * Whether this instance looks for sagas left unfinished by a stopped instance, on
		 * start and then every interval, and finishes their compensation.
		 */
		private boolean enabled = true;

		/**
		 * Time between two looks for unfinished sagas. At least 1ms.
		 */
		private Duration interval = SagaRecoveryScheduler.DEFAULT_INTERVAL;

		/**
		 * How long an instance holds a saga without renewing its lease; past it, another
		 * instance may take the saga over. Leases are renewed every third of it. At least
		 * 3ms.
		 */
		private Duration lease = SagaCoordinator.DEFAULT_LEASE;

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
		private int maxAttempts = CompensationRetryConfig.DEFAULT_MAX_ATTEMPTS;

		/**
		 * Wait between two attempts. Not negative.
		 */
		private Duration waitDuration = CompensationRetryConfig.DEFAULT_WAIT_DURATION;

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
