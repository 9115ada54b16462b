package dev.resilience.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import dev.resilience.core.TimeSource;

/**
 * A {@link TimeSource} whose clocks move together, only when a test advances them.
 *
 * @author Resilience
 */
public final class ManualTimeSource implements TimeSource {

	/**
	 * The wall-clock time of every new manual time source.
	 */
	public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

	// not zero, so that code taking nanoTime for an absolute time fails its tests
	private static final long DEFAULT_START_NANOS = 123_456_789L;

	private final long startNanos;

	private final AtomicLong nanos;

	/**
	 * Create a time source at {@link #START}.
	 */
	public ManualTimeSource() {
		this(DEFAULT_START_NANOS);
	}

	/**
	 * Create a time source at {@link #START} whose monotonic clock reads the given value,
	 * such as one close to overflow.
	 * @param startNanos the first value of {@link #nanoTime()}
	 */
	public ManualTimeSource(long startNanos) {
		this.startNanos = startNanos;
		this.nanos = new AtomicLong(startNanos);
	}

	@Override
	public long nanoTime() {
		return this.nanos.get();
	}

	@Override
	public Instant now() {
		return START.plusNanos(this.nanos.get() - this.startNanos);
	}

	/**
	 * Return how far the time source has been advanced since it was created.
	 * @return the time advanced
	 */
	public Duration elapsed() {
		return Duration.ofNanos(this.nanos.get() - this.startNanos);
	}

	/**
	 * Move both clocks forward.
	 * @param duration how far
	 */
	public void advance(Duration duration) {
		advanceNanos(duration.toNanos());
	}

	/**
	 * Move both clocks forward.
	 * @param nanos how far, in nanoseconds
	 */
	public void advanceNanos(long nanos) {
		if (nanos < 0) {
			throw new IllegalArgumentException("time only moves forward, but was asked to move " + nanos + "ns");
		}
		this.nanos.addAndGet(nanos);
	}

	/**
	 * Move both clocks forward.
	 * @param millis how far, in milliseconds
	 */
	public void advanceMillis(long millis) {
		advance(Duration.ofMillis(millis));
	}

	/**
	 * Move both clocks forward.
	 * @param seconds how far, in seconds
	 */
	public void advanceSeconds(long seconds) {
		advance(Duration.ofSeconds(seconds));
	}

}
