package dev.resilience.autoconfigure;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.resilience.core.Bound;
import dev.resilience.saga.SagaCoordinator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

/**
 * Keeps the sagas of this instance leased and recovers those of stopped instances, for as
 * long as the application runs: renews this instance's leases every third of the lease,
 * and, on start and then every interval, claims and compensates sagas whose lease expired
 * (when recovery is enabled) and deletes finished sagas past their retention (when one is
 * set).
 * <p>
 * Renewal and the periodic work run on two threads of their own, so that a long
 * compensation never delays a renewal. It stops after the web server, so sagas still
 * running while requests drain keep their leases.
 *
 * @author Resilience
 * @since 0.1.0
 */
public final class SagaRecoveryScheduler implements SmartLifecycle {

	/**
	 * Default time between two rounds of recovery and clean-up.
	 */
	public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);

	/**
	 * Values allowed for the interval.
	 */
	public static final Bound<Duration> ALLOWED_INTERVAL = Bound.atLeast(Duration.ofMillis(1));

	/**
	 * Default time finished sagas are kept.
	 */
	public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);

	/**
	 * Values allowed for the retention.
	 */
	public static final Bound<Duration> ALLOWED_RETENTION = Bound.notNegative();

	/**
	 * The most sagas claimed at a time; recovery claims again until it finds fewer.
	 */
	static final int BATCH_SIZE = 20;

	/**
	 * The most finished sagas deleted at a time; clean-up deletes again until it finds
	 * fewer.
	 */
	static final int DELETE_BATCH_SIZE = 500;

	private static final Log logger = LogFactory.getLog(SagaRecoveryScheduler.class);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

	private final SagaCoordinator coordinator;

	private final Duration interval;

	private final boolean recover;

	private final @Nullable Duration retention;

	private volatile @Nullable ScheduledExecutorService executor;

	/**
	 * Create a scheduler.
	 * @param coordinator the coordinator whose leases it renews and whose recovery it
	 * runs
	 * @param interval the time between two rounds of recovery and clean-up; within
	 * {@link #ALLOWED_INTERVAL}
	 * @param recover whether to recover the sagas of stopped instances
	 * @param retention how long finished sagas are kept, within
	 * {@link #ALLOWED_RETENTION}, or {@code null} to keep them
	 * @throws IllegalArgumentException naming the first invalid value
	 */
	public SagaRecoveryScheduler(SagaCoordinator coordinator, Duration interval, boolean recover,
			@Nullable Duration retention) {
		this.coordinator = Objects.requireNonNull(coordinator, "coordinator must not be null");
		Objects.requireNonNull(interval, "interval must not be null");
		this.interval = ALLOWED_INTERVAL.check("interval", interval);
		this.recover = recover;
		this.retention = (retention != null) ? ALLOWED_RETENTION.check("retention", retention) : null;
	}

	@Override
	public void start() {
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(2, new DaemonThreads());
		executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
		long renewal = Math.max(1, this.coordinator.lease().toMillis() / 3);
		executor.scheduleWithFixedDelay(this::renewLeases, renewal, renewal, TimeUnit.MILLISECONDS);
		if (this.recover || this.retention != null) {
			executor.scheduleWithFixedDelay(this::periodically, 0, this.interval.toMillis(), TimeUnit.MILLISECONDS);
		}
		this.executor = executor;
	}

	@Override
	public void stop() {
		ScheduledExecutorService executor = this.executor;
		if (executor == null) {
			return;
		}
		this.executor = null;
		executor.shutdown();
		try {
			if (!executor.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				// an interrupted compensation leaves its saga to the next instance's
				// recovery
				executor.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			executor.shutdownNow();
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

	@Override
	public int getPhase() {
		// below the web server's graceful shutdown, so this stops after requests drained
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

	/**
	 * Claim and compensate sagas whose lease expired until none is left, as the scheduler
	 * does on start and every interval.
	 * @return how many sagas were claimed
	 */
	public int recover() {
		int total = 0;
		try {
			int claimed;
			do {
				claimed = this.coordinator.recoverStale(BATCH_SIZE);
				total += claimed;
			}
			while (claimed == BATCH_SIZE && !Thread.currentThread().isInterrupted());
			if (total > 0) {
				logger.info("Recovered " + total + " saga(s) left unfinished by stopped instances");
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Saga recovery failed; sagas it could not finish are claimed again when their lease expires",
					ex);
		}
		return total;
	}

	/**
	 * Delete finished sagas past their retention until none is left, as the scheduler
	 * does on start and every interval.
	 * @return how many sagas were deleted
	 */
	public int deleteExpired() {
		if (this.retention == null) {
			return 0;
		}
		int total = 0;
		try {
			int deleted;
			do {
				deleted = this.coordinator.deleteFinished(this.retention, DELETE_BATCH_SIZE);
				total += deleted;
			}
			while (deleted == DELETE_BATCH_SIZE && !Thread.currentThread().isInterrupted());
			if (total > 0 && logger.isDebugEnabled()) {
				logger.debug("Deleted " + total + " finished saga(s) older than " + this.retention);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not delete finished sagas older than " + this.retention + "; trying again in "
					+ this.interval, ex);
		}
		return total;
	}

	private void periodically() {
		if (this.recover) {
			recover();
		}
		deleteExpired();
	}

	private void renewLeases() {
		try {
			this.coordinator.renewLeases();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not renew the leases of this instance's sagas; they are renewed again in "
					+ Math.max(1, this.coordinator.lease().toMillis() / 3) + " ms", ex);
		}
	}

	private static final class DaemonThreads implements ThreadFactory {

		private final AtomicInteger count = new AtomicInteger();

		@Override
		public Thread newThread(Runnable task) {
			Thread thread = new Thread(task, "resilience-saga-" + this.count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}

	}

}
