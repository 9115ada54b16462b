package dev.resilience.ratelimiter;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import dev.resilience.core.TimeSource;
import dev.resilience.testsupport.ManualTimeSource;

/**
 * A {@link TimeSource} whose every read moves time forward by a tick, so that threads
 * racing on a rate limiter see distinct times, and that remembers the last time each
 * thread read: the time at which the limiter admitted that thread's call.
 */
final class TickingTimeSource implements TimeSource {

	private final AtomicLong nanos = new AtomicLong();

	private final long tickNanos;

	private final ThreadLocal<long[]> lastRead = ThreadLocal.withInitial(() -> new long[1]);

	TickingTimeSource(long tickNanos) {
		this.tickNanos = tickNanos;
	}

	@Override
	public long nanoTime() {
		long time = this.nanos.addAndGet(this.tickNanos);
		this.lastRead.get()[0] = time;
		return time;
	}

	@Override
	public Instant now() {
		return ManualTimeSource.START.plusNanos(this.nanos.get());
	}

	/**
	 * Return the time the calling thread read last.
	 * @return the time of its last read
	 */
	long lastRead() {
		return this.lastRead.get()[0];
	}

	/**
	 * Return the current time without moving it.
	 * @return the current time
	 */
	long current() {
		return this.nanos.get();
	}

}
