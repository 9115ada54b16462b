package dev.resilience.testsupport;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.resilience.core.Sleeper;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Sleeper} that records each wait and advances a manual time source by it.
 *
 * @author Resilience
 */
public final class RecordingSleeper implements Sleeper {

	private final @Nullable ManualTimeSource time;

	private final List<Long> waits = new CopyOnWriteArrayList<>();

	private volatile boolean interruptSleeps;

	/**
	 * Create a sleeper that only records its waits.
	 */
	public RecordingSleeper() {
		this.time = null;
	}

	/**
	 * Create a sleeper that records its waits and advances the given time source by each.
	 * @param time the time source to advance
	 */
	public RecordingSleeper(ManualTimeSource time) {
		this.time = time;
	}

	@Override
	public void sleep(long nanos) throws InterruptedException {
		if (this.interruptSleeps) {
			throw new InterruptedException("interrupted while waiting");
		}
		this.waits.add(nanos);
		if (this.time != null) {
			this.time.advanceNanos(nanos);
		}
	}

	/**
	 * Return the waits asked for so far, in nanoseconds, in order; an interrupted wait is
	 * not among them.
	 * @return a live, unmodifiable view of the waits
	 */
	public List<Long> waits() {
		return Collections.unmodifiableList(this.waits);
	}

	/**
	 * Set whether every following wait is interrupted at once, as if the waiting thread
	 * were interrupted.
	 * @param interrupt whether to interrupt waits
	 */
	public void interruptSleeps(boolean interrupt) {
		this.interruptSleeps = interrupt;
	}

}
