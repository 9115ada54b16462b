package dev.resilience.saga;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import dev.resilience.core.TimeSource;

/**
 * A clock that only moves when a test advances it.
 */
final class FakeTimeSource implements TimeSource {

	static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

	private static final long START = 123_456_789L;

	private final AtomicLong nanos = new AtomicLong(START);

	@Override
	public long nanoTime() {
		return this.nanos.get();
	}

	@Override
	public Instant now() {
		return EPOCH.plusNanos(this.nanos.get() - START);
	}

	void advance(Duration duration) {
		this.nanos.addAndGet(duration.toNanos());
	}

}
