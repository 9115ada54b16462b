package dev.resilience.circuitbreaker;

import java.util.concurrent.locks.ReentrantLock;

import dev.resilience.core.TimeSource;

/**
 * Sliding window of the calls of the last N seconds: one bucket per second, the current
 * one included, reused in a ring as the clock moves on. Guarded by a lock, as moving to a
 * new second clears buckets and adjusts several totals at once.
 *
 * @author Resilience
 */
final class TimeWindow extends SlidingWindow implements SnapshotStats {

	private static final long NANOS_PER_SECOND = 1_000_000_000L;

	private final ReentrantLock lock = new ReentrantLock();

	private final TimeSource clock;

	private final long origin;

	private final int[] calls;

	private final int[] failures;

	private final int[] slowCalls;

	/**
	 * Seconds since {@link #origin} of the newest bucket.
	 */
	private long second;

	private long totalCalls;

	private long totalFailures;

	private long totalSlowCalls;

	TimeWindow(int seconds, int minimumCalls, float failureRateThreshold, float slowCallRateThreshold,
			TimeSource clock) {
		super(minimumCalls, failureRateThreshold, slowCallRateThreshold);
		this.clock = clock;
		this.origin = clock.nanoTime();
		this.calls = new int[seconds];
		this.failures = new int[seconds];
		this.slowCalls = new int[seconds];
	}

	@Override
	boolean record(boolean failure, boolean slow) {
		this.lock.lock();
		try {
			evictExpired();
			int bucket = bucket(this.second);
			this.calls[bucket]++;
			this.failures[bucket] += failure ? 1 : 0;
			this.slowCalls[bucket] += slow ? 1 : 0;
			this.totalCalls++;
			this.totalFailures += failure ? 1 : 0;
			this.totalSlowCalls += slow ? 1 : 0;
			return reached(this.totalCalls, this.totalFailures, this.totalSlowCalls);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Forget the buckets of the seconds that fell out of the window. Called with the lock
	 * held.
	 */
	private void evictExpired() {
		long now = Math.floorDiv(this.clock.nanoTime() - this.origin, NANOS_PER_SECOND);
		if (now <= this.second) {
			// the newest bucket stays current if a clock ever steps back
			return;
		}
		long expired = Math.min(now - this.second, this.calls.length);
		for (long second = this.second + 1; second <= this.second + expired; second++) {
			int bucket = bucket(second);
			this.totalCalls -= this.calls[bucket];
			this.totalFailures -= this.failures[bucket];
			this.totalSlowCalls -= this.slowCalls[bucket];
			this.calls[bucket] = 0;
			this.failures[bucket] = 0;
			this.slowCalls[bucket] = 0;
		}
		this.second = now;
	}

	private int bucket(long second) {
		return (int) (second % this.calls.length);
	}

	@Override
	public CallStats snapshot() {
		this.lock.lock();
		try {
			evictExpired();
			return snapshot(this.totalCalls, this.totalFailures, this.totalSlowCalls);
		}
		finally {
			this.lock.unlock();
		}
	}

}
