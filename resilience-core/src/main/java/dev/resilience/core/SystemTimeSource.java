package dev.resilience.core;

import java.time.Instant;

/**
 * {@link TimeSource} backed by the system clocks.
 *
 * @author Resilience
 */
final class SystemTimeSource implements TimeSource {

	static final SystemTimeSource INSTANCE = new SystemTimeSource();

	private SystemTimeSource() {
	}

	@Override
	public long nanoTime() {
		return System.nanoTime();
	}

	@Override
	public Instant now() {
		return Instant.now();
	}

}
