package dev.resilience.saga;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.resilience.core.Sleeper;

/**
 * A {@link Sleeper} that advances a fake clock instead of sleeping, remembers each wait,
 * and can be told to be interrupted.
 */
final class RecordingSleeper implements Sleeper {

	private final FakeTimeSource time;

	private final List<Long> waits = new CopyOnWriteArrayList<>();

	private volatile boolean interrupt;

	RecordingSleeper(FakeTimeSource time) {
		this.time = time;
	}

	@Override
	public void sleep(long nanos) throws InterruptedException {
		if (this.interrupt) {
			throw new InterruptedException("interrupted while waiting");
		}
		this.waits.add(nanos);
		this.time.advance(Duration.ofNanos(nanos));
	}

	void interruptSleeps(boolean interrupt) {
		this.interrupt = interrupt;
	}

	List<Long> waits() {
		return this.waits;
	}

}
