package dev.resilience.retry;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import dev.resilience.core.Scheduler;

/**
 * A {@link Scheduler} that remembers each delay and runs its tasks only when told to,
 * advancing a fake clock by their delay.
 */
final class RecordingScheduler implements Scheduler {

	private final FakeTimeSource time;

	private final List<Long> delays = new ArrayList<>();

	private final Deque<Runnable> pending = new ArrayDeque<>();

	RecordingScheduler(FakeTimeSource time) {
		this.time = time;
	}

	@Override
	public void schedule(Runnable task, long delayNanos) {
		this.delays.add(delayNanos);
		this.pending.add(() -> {
			this.time.advance(delayNanos);
			task.run();
		});
	}

	List<Long> delays() {
		return this.delays;
	}

	int pendingCount() {
		return this.pending.size();
	}

	void runPending() {
		while (!this.pending.isEmpty()) {
			this.pending.poll().run();
		}
	}

}
