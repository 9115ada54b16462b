package dev.resilience.core;

import java.util.concurrent.TimeUnit;

/**
 * How a synchronous caller waits, such as between two attempts of a retry. Tests hand
 * engines one that advances a fake {@link TimeSource} instead.
 *
 * @author Resilience
 * @since 0.1.0
 */
@FunctionalInterface
public interface Sleeper {

	/**
	 * Wait for the given time.
	 * @param nanos how long to wait, in nanoseconds
	 * @throws InterruptedException if the thread is interrupted while waiting
	 */
	void sleep(long nanos) throws InterruptedException;

	/**
	 * The thread's own sleep, which parks a virtual thread without pinning its carrier.
	 * @return a sleeper that sleeps the current thread
	 */
	static Sleeper system() {
		return (nanos) -> TimeUnit.NANOSECONDS.sleep(nanos);
	}

}
