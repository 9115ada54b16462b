package dev.resilience.core;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * How an asynchronous call waits: it schedules what comes next instead of blocking a
 * thread.
 *
 * @author Resilience
 * @since 0.1.0
 */
@FunctionalInterface
public interface Scheduler {

	/**
	 * Run a task after a delay.
	 * @param task the task
	 * @param delayNanos the delay, in nanoseconds
	 */
	void schedule(Runnable task, long delayNanos);

	/**
	 * Adapt a scheduled executor.
	 * @param executor the executor that runs delayed tasks
	 * @return a scheduler backed by it
	 */
	static Scheduler of(ScheduledExecutorService executor) {
		return (task, delayNanos) -> executor.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
	}

	/**
	 * Run delayed tasks on the common fork-join pool, timed by the JDK's shared delay
	 * thread, so that a slow task never holds up the timing of the others. The pool is
	 * named explicitly: on one or two cores the default async pool of
	 * {@code CompletableFuture} would start a thread per task.
	 * @return a scheduler backed by {@link CompletableFuture#delayedExecutor}
	 */
	static Scheduler commonPool() {
		return (task, delayNanos) -> CompletableFuture
			.delayedExecutor(delayNanos, TimeUnit.NANOSECONDS, ForkJoinPool.commonPool())
			.execute(task);
	}

}
