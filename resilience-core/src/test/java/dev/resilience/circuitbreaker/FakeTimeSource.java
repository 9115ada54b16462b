package dev.resilience.circuitbreaker;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import dev.resilience.core.TimeSource;

/**
 * A clock that only moves when a test advances it.
 *
 * @author Resilience
 */
final class FakeTimeSource implements TimeSource {

	private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

	private final long start;

	private final AtomicLong nanos;

	FakeTimeSource() {
		this(123_456_789L);
	}

	FakeTimeSource(long startNanos) {
		this.start = startNanos;
		this.nanos = new AtomicLong(startNanos);
	}

	@Override
	public long nanoTime() {
		return this.nanos.get();
	}

	@Override
	public Instant now() {
		return EPOCH.plusNanos(this.nanos.get() - this.start);
	}

	void advance(Duration duration) {
		this.nanos.addAndGet(duration.toNanos());
	}

	void advanceSeconds(long seconds) {
		advance(Duration.ofSeconds(seconds));
	}

}
