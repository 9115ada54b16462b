package dev.resilience.circuitbreaker;

import dev.resilience.core.TimeSource;

/**
 * The recent calls of a closed circuit breaker, with running totals so that recording a
 * call and reading the rates never walk the whole window. Recording allocates nothing and
 * never blocks on {@code synchronized}, so that virtual threads never pin their carrier.
 *
 * @author Resilience
 */
abstract class SlidingWindow implements CallStats {

	private final int minimumCalls;

	private final float failureRateThreshold;

	private final float slowCallRateThreshold;

	SlidingWindow(int minimumCalls, float failureRateThreshold, float slowCallRateThreshold) {
		this.minimumCalls = minimumCalls;
		this.failureRateThreshold = failureRateThreshold;
		this.slowCallRateThreshold = slowCallRateThreshold;
	}

	static SlidingWindow of(CircuitBreakerConfig config, TimeSource clock) {
		return switch (config.slidingWindowType()) {
			case COUNT -> new CountWindow(config.slidingWindowSize(), config.minimumNumberOfCalls(),
					config.failureRateThreshold(), config.slowCallRateThreshold());
			case TIME -> new TimeWindow(config.slidingWindowSize(), config.minimumNumberOfCalls(),
					config.failureRateThreshold(), config.slowCallRateThreshold(), clock);
		};
	}

	/**
	 * Record the outcome of a call.
	 * @param failure whether it failed
	 * @param slow whether it was slow
	 * @return whether the window, this call included, now holds enough calls and the
	 * failure rate or the slow-call rate reaches its threshold
	 */
	abstract boolean record(boolean failure, boolean slow);

	/**
	 * Whether the given totals hold enough calls and reach a threshold.
	 * @param calls the calls in the window
	 * @param failures how many of them failed
	 * @param slowCalls how many of them were slow
	 * @return {@code true} if the breaker should open
	 */
	final boolean reached(long calls, long failures, long slowCalls) {
		return calls >= this.minimumCalls && (CallStats.reaches(failures, calls, this.failureRateThreshold)
				|| CallStats.reaches(slowCalls, calls, this.slowCallRateThreshold));
	}

	/**
	 * Return the share of {@code part} in the calls of the window.
	 * @param part the calls counted
	 * @param calls the calls in the window
	 * @return the rate in percent, or {@code -1} while the window holds too few calls
	 */
	final float rate(long part, long calls) {
		return (calls >= this.minimumCalls) ? CallStats.rate(part, calls) : -1;
	}

	/**
	 * Freeze the given totals.
	 * @param calls the calls in the window
	 * @param failures how many of them failed
	 * @param slowCalls how many of them were slow
	 * @return the snapshot
	 */
	final CallStats snapshot(long calls, long failures, long slowCalls) {
		return new Snapshot(clamp(calls), clamp(failures), clamp(slowCalls), clamp(calls - failures),
				rate(failures, calls), rate(slowCalls, calls));
	}

	static int clamp(long count) {
		return (int) Math.min(count, Integer.MAX_VALUE);
	}

}
