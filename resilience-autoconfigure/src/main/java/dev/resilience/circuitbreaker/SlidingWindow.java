package dev.resilience.circuitbreaker;

import java.util.concurrent.locks.ReentrantLock;

import dev.resilience.core.TimeSource;

/**
 * The recent calls of a closed circuit breaker, with running totals so that recording a
 * call and reading the rates never walk the whole window. Guarded by a lock rather than
 * {@code synchronized} so that virtual threads never pin their carrier; recording
 * allocates nothing.
 *
 * @author Resilience
 */
abstract class SlidingWindow implements CallStats {

	private final ReentrantLock lock = new ReentrantLock();

	private final int minimumCalls;

	private final float failureRateThreshold;

	private final float slowCallRateThreshold;

	private long calls;

	private long failures;

	private long slowCalls;

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
	 * @return whether the window now holds enough calls and the failure rate or the
	 * slow-call rate reaches its threshold
	 */
	final boolean record(boolean failure, boolean slow) {
		this.lock.lock();
		try {
			evictExpired();
			store(failure, slow);
			this.calls++;
			this.failures += failure ? 1 : 0;
			this.slowCalls += slow ? 1 : 0;
			return this.calls >= this.minimumCalls
					&& (CallStats.reaches(this.failures, this.calls, this.failureRateThreshold)
							|| CallStats.reaches(this.slowCalls, this.calls, this.slowCallRateThreshold));
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Keep the outcome of a new call, first {@link #forget forgetting} any call it pushes
	 * out. Called with the lock held.
	 * @param failure whether it failed
	 * @param slow whether it was slow
	 */
	abstract void store(boolean failure, boolean slow);

	/**
	 * Forget the calls that fell out of the window by age. Called with the lock held.
	 */
	void evictExpired() {
	}

	/**
	 * Take calls that left the window out of the totals. Called with the lock held.
	 * @param calls the number of calls
	 * @param failures how many of them failed
	 * @param slowCalls how many of them were slow
	 */
	final void forget(long calls, long failures, long slowCalls) {
		this.calls -= calls;
		this.failures -= failures;
		this.slowCalls -= slowCalls;
	}

	@Override
	public int bufferedCalls() {
		return count(Count.CALLS);
	}

	@Override
	public int failedCalls() {
		return count(Count.FAILURES);
	}

	@Override
	public int slowCalls() {
		return count(Count.SLOW_CALLS);
	}

	@Override
	public int successfulCalls() {
		return count(Count.SUCCESSES);
	}

	@Override
	public float failureRate() {
		return rate(false);
	}

	@Override
	public float slowCallRate() {
		return rate(true);
	}

	@Override
	public CallStats snapshot() {
		this.lock.lock();
		try {
			evictExpired();
			boolean enough = this.calls >= this.minimumCalls;
			return new Snapshot(clamp(this.calls), clamp(this.failures), clamp(this.slowCalls),
					clamp(this.calls - this.failures), enough ? CallStats.rate(this.failures, this.calls) : -1,
					enough ? CallStats.rate(this.slowCalls, this.calls) : -1);
		}
		finally {
			this.lock.unlock();
		}
	}

	private int count(Count count) {
		this.lock.lock();
		try {
			evictExpired();
			return clamp(switch (count) {
				case CALLS -> this.calls;
				case FAILURES -> this.failures;
				case SLOW_CALLS -> this.slowCalls;
				case SUCCESSES -> this.calls - this.failures;
			});
		}
		finally {
			this.lock.unlock();
		}
	}

	private float rate(boolean slow) {
		this.lock.lock();
		try {
			evictExpired();
			if (this.calls < this.minimumCalls) {
				return -1;
			}
			return CallStats.rate(slow ? this.slowCalls : this.failures, this.calls);
		}
		finally {
			this.lock.unlock();
		}
	}

	private static int clamp(long count) {
		return (int) Math.min(count, Integer.MAX_VALUE);
	}

}
