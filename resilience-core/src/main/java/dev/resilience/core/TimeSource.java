package dev.resilience.core;

import java.time.Instant;

/**
 * Where an engine reads time: a monotonic clock to measure durations and a wall clock to
 * stamp events. Tests hand engines a fake one and advance it.
 *
 * @author Resilience
 * @since 0.1.0
 */
public interface TimeSource {

	/**
	 * Monotonic time in nanoseconds, only meaningful as a difference.
	 * @return the current monotonic time
	 */
	long nanoTime();

	/**
	 * Wall-clock time, used to stamp events.
	 * @return the current instant
	 */
	Instant now();

	/**
	 * The system's clocks.
	 * @return a time source backed by {@link System#nanoTime()} and {@link Instant#now()}
	 */
	static TimeSource system() {
		return SystemTimeSource.INSTANCE;
	}

}
