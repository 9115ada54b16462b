package dev.resilience.testsupport;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.resilience.core.Scheduler;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Scheduler} whose tasks wait until a test runs them or advances their clock.
 *
 * @author Resilience
 */
public final class ManualScheduler implements Scheduler {

	private final ManualTimeSource time;

	private final List<Long> delays = new CopyOnWriteArrayList<>();

	private final PriorityQueue<Pending> pending = new PriorityQueue<>();

	private long scheduled;

	/**
	 * Create a scheduler on a clock of its own, whose tasks run only when a test runs
	 * them.
	 */
	public ManualScheduler() {
		this(new ManualTimeSource());
	}

	/**
	 * Create a scheduler whose tasks fall due on the given time source, and that moves it
	 * to each task's time as it runs the task.
	 * @param time the time source the tasks are due on
	 */
	public ManualScheduler(ManualTimeSource time) {
		this.time = time;
	}

	@Override
	public void schedule(Runnable task, long delayNanos) {
		this.delays.add(delayNanos);
		long dueAt = this.time.nanoTime() + Math.max(0, delayNanos);
		synchronized (this.pending) {
			this.pending.add(new Pending(dueAt, this.scheduled++, task));
		}
	}

	/**
	 * Return the delays asked for so far, in nanoseconds, in order.
	 * @return a live, unmodifiable view of the delays
	 */
	public List<Long> delays() {
		return Collections.unmodifiableList(this.delays);
	}

	/**
	 * Return how many tasks wait to run.
	 * @return the number of pending tasks
	 */
	public int pendingCount() {
		synchronized (this.pending) {
			return this.pending.size();
		}
	}

	/**
	 * Run every pending task, and every task they schedule, until none is left, in the
	 * order they fall due, moving the time source forward to each one's due time.
	 */
	public void runAll() {
		for (Pending next = poll(null); next != null; next = poll(null)) {
			run(next);
		}
	}

	/**
	 * Run the tasks that are due at the time source's current time, and those they
	 * schedule without delay.
	 */
	public void runDue() {
		long now = this.time.nanoTime();
		for (Pending next = poll(now); next != null; next = poll(now)) {
			run(next);
		}
	}

	/**
	 * Move the time source forward, running each task as its due time is reached.
	 * @param duration how far
	 */
	public void advance(Duration duration) {
		long until = this.time.nanoTime() + duration.toNanos();
		for (Pending next = poll(until); next != null; next = poll(until)) {
			run(next);
		}
		this.time.advanceNanos(until - this.time.nanoTime());
	}

	private @Nullable Pending poll(@Nullable Long dueBy) {
		synchronized (this.pending) {
			Pending next = this.pending.peek();
			if (next == null || (dueBy != null && next.dueAt - dueBy > 0)) {
				return null;
			}
			return this.pending.poll();
		}
	}

	private void run(Pending task) {
		long late = this.time.nanoTime() - task.dueAt;
		if (late < 0) {
			this.time.advanceNanos(-late);
		}
		task.task.run();
	}

	private record Pending(long dueAt, long sequence, Runnable task) implements Comparable<Pending> {

		@Override
		public int compareTo(Pending other) {
			int byTime = Long.compare(this.dueAt - other.dueAt, 0);
			return (byTime != 0) ? byTime : Long.compare(this.sequence, other.sequence);
		}

	}

}
