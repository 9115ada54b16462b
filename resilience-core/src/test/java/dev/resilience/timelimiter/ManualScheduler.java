package dev.resilience.timelimiter;

import java.util.ArrayList;
import java.util.List;

import dev.resilience.core.Scheduler;

/**
 * A {@link Scheduler} that remembers its tasks and their delays and runs them only when
 * told to.
 */
final class ManualScheduler implements Scheduler {

	private final List<Runnable> tasks = new ArrayList<>();

	private final List<Long> delays = new ArrayList<>();

	@Override
	public void schedule(Runnable task, long delayNanos) {
		this.tasks.add(task);
		this.delays.add(delayNanos);
	}

	List<Long> delays() {
		return this.delays;
	}

	List<Runnable> tasks() {
		return this.tasks;
	}

	void fireAll() {
		List<Runnable> due = new ArrayList<>(this.tasks);
		this.tasks.clear();
		due.forEach(Runnable::run);
	}

}
