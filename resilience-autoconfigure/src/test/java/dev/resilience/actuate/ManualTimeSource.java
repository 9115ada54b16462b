package dev.resilience.actuate;

import java.time.Duration;
import java.time.Instant;

import dev.resilience.core.TimeSource;

/**
 * Clock that only moves when a test advances it.
 *
 * @author Resilience
 */
final class ManualTimeSource implements TimeSource {

	private static final Instant START = Instant.parse("2025-03-14T09:00:00Z");

	private long nanos;

	@Override
	public long nanoTime() {
		return this.nanos;
	}

	@Override
	public Instant now() {
		return START.plusNanos(this.nanos);
	}

	void advance(Duration duration) {
		this.nanos += duration.toNanos();
	}

}
