package dev.resilience.retry;

import java.time.Instant;

import dev.resilience.core.TimeSource;

/**
 * A {@link TimeSource} that moves only when told to.
 */
final class FakeTimeSource implements TimeSource {

	static final Instant START = Instant.parse("2025-03-14T09:00:00Z");

	private long nanos;

	@Override
	public long nanoTime() {
		return this.nanos;
	}

	@Override
	public Instant now() {
		return START.plusNanos(this.nanos);
	}

	void advance(long nanos) {
		this.nanos += nanos;
	}

}
