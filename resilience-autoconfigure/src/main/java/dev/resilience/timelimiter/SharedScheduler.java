package dev.resilience.timelimiter;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import dev.resilience.core.Scheduler;

/**
 * The scheduler of time limiters that were not given one: a single daemon thread, started
 * on the first asynchronous call. A time-out only completes a future, so one thread times
 * any number of calls; as with {@code CompletableFuture.orTimeout}, the dependents of a
 * timed-out future that are not async run on it, and should be quick.
 *
 * @author Resilience
 */
final class SharedScheduler {

	static final Scheduler INSTANCE = (task, delayNanos) -> Holder.SCHEDULER.schedule(task, delayNanos);

	private SharedScheduler() {
	}

	private static final class Holder {

		static final Scheduler SCHEDULER = Scheduler.of(createExecutor());

		private static ScheduledExecutorService createExecutor() {
			return Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, SyncExecutors.THREAD_NAME_PREFIX + "scheduler");
				thread.setDaemon(true);
				return thread;
			});
		}

	}

}
