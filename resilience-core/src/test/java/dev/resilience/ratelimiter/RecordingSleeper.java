package dev.resilience.ratelimiter;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.resilience.core.Sleeper;

/**
 * A {@link Sleeper} that advances a fake clock instead of sleeping and remembers each
 * wait.
 */
final class RecordingSleeper implements Sleeper {

	private final FakeTimeSource clock;

	private final List<Long> waits = new CopyOnWriteArrayList<>();

	RecordingSleeper(FakeTimeSource clock) {
		this.clock = clock;
	}

	@Override
	public void sleep(long nanos) {
		this.waits.add(nanos);
		this.clock.advanceNanos(nanos);
	}

	List<Long> waits() {
		return this.waits;
	}

}
