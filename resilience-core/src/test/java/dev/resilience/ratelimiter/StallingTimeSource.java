package dev.resilience.ratelimiter;

import java.time.Instant;

import dev.resilience.core.TimeSource;
import org.jspecify.annotations.Nullable;

/**
 * A {@link TimeSource} over another that can stall one read: the stalled read runs what
 * other callers do meanwhile, then answers the time at which it began, as a thread
 * descheduled right after reading the clock would see it.
 */
final class StallingTimeSource implements TimeSource {

	private final TimeSource clock;

	private @Nullable Runnable meanwhile;

	StallingTimeSource(TimeSource clock) {
		this.clock = clock;
	}

	/**
	 * Stall the next read.
	 * @param meanwhile what happens while the reading thread stalls
	 */
	void stallNextRead(Runnable meanwhile) {
		this.meanwhile = meanwhile;
	}

	@Override
	public long nanoTime() {
		long time = this.clock.nanoTime();
		Runnable stalled = this.meanwhile;
		if (stalled != null) {
			this.meanwhile = null;
			stalled.run();
		}
		return time;
	}

	@Override
	public Instant now() {
		return this.clock.now();
	}

}
