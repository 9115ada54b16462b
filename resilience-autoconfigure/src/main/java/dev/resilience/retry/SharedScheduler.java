package dev.resilience.retry;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import dev.resilience.core.Scheduler;

/**
 * The scheduler of retries that were not given one: a single daemon thread, started on
 * the first asynchronous retry that has to wait.
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
				Thread thread = new Thread(task, "resilience-retry-scheduler");
				thread.setDaemon(true);
				return thread;
			});
		}

	}

}
