package dev.resilience.bulkhead;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import dev.resilience.core.Scheduler;

/**
 * A {@link Scheduler} that remembers each task and its delay and runs them only when a
 * test says so.
 *
 * @author Resilience
 */
final class ManualScheduler implements Scheduler {

	private final Queue<Long> delays = new ConcurrentLinkedQueue<>();

	private final Queue<Runnable> pending = new ConcurrentLinkedQueue<>();

	@Override
	public void schedule(Runnable task, long delayNanos) {
		this.delays.add(delayNanos);
		this.pending.add(task);
	}

	List<Long> delays() {
		return new ArrayList<>(this.delays);
	}

	int pendingCount() {
		return this.pending.size();
	}

	void runPending() {
		for (Runnable task = this.pending.poll(); task != null; task = this.pending.poll()) {
			task.run();
		}
	}

}
