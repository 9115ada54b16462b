package dev.resilience.retry;

import java.util.ArrayList;
import java.util.List;

import dev.resilience.core.Sleeper;

/**
 * A {@link Sleeper} that advances a fake clock instead of sleeping and remembers each
 * wait.
 */
final class RecordingSleeper implements Sleeper {

	private final FakeTimeSource time;

	private final List<Long> waits = new ArrayList<>();

	RecordingSleeper(FakeTimeSource time) {
		this.time = time;
	}

	@Override
	public void sleep(long nanos) {
		this.waits.add(nanos);
		this.time.advance(nanos);
	}

	List<Long> waits() {
		return this.waits;
	}

}
