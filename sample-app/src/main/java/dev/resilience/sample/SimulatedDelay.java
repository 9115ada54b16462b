package dev.resilience.sample;

import java.time.Duration;

/**
 * Stands for the time a simulated call spends on the network or at work.
 *
 * @author Resilience
 */
final class SimulatedDelay {

	private SimulatedDelay() {
	}

	/**
	 * Block the calling thread for the given time.
	 * @param delay how long, zero for not at all
	 * @param call what is being simulated, for the message of an interruption
	 * @throws DownstreamUnavailableException when the thread is interrupted, as a time
	 * limiter does to a call past its timeout; the interrupt flag is restored
	 */
	static void await(Duration delay, String call) {
		if (delay.isZero()) {
			return;
		}
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DownstreamUnavailableException(call + " interrupted");
		}
	}

}
