package dev.resilience.ratelimiter;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import dev.resilience.core.TimeSource;

/**
 * A {@link TimeSource} that moves only when told to; safe to read from many threads.
 */
final class FakeTimeSource implements TimeSource {

	static final Instant START = Instant.parse("2025-03-14T09:00:00Z");

	private final AtomicLong nanos = new AtomicLong();

	@Override
	public long nanoTime() {
		return this.nanos.get();
	}

	@Override
	public Instant now() {
		return START.plusNanos(this.nanos.get());
	}

	void advance(Duration duration) {
		this.nanos.addAndGet(duration.toNanos());
	}

	void advanceNanos(long nanos) {
		this.nanos.addAndGet(nanos);
	}

	void advanceMillis(long millis) {
		advance(Duration.ofMillis(millis));
	}

}
