package dev.resilience.circuitbreaker;

import java.util.concurrent.locks.ReentrantLock;

/**
 * The trial calls of a half-open circuit breaker: admits exactly the permitted number and
 * reaches a verdict as soon as their outcome is certain. Every rate is taken over all the
 * permitted calls, so with a threshold of 50 and 5 trials the third failure reopens the
 * breaker and the third success closes it.
 *
 * @author Resilience
 */
final class HalfOpenTrial implements SnapshotStats {

	private final ReentrantLock lock = new ReentrantLock();

	private final int permitted;

	private final float failureRateThreshold;

	private final float slowCallRateThreshold;

	/**
	 * Calls admitted whose outcome is not known yet.
	 */
	private int inFlight;

	private int calls;

	private int failures;

	private int slowCalls;

	private boolean decided;

	HalfOpenTrial(int permitted, float failureRateThreshold, float slowCallRateThreshold) {
		this.permitted = permitted;
		this.failureRateThreshold = failureRateThreshold;
		this.slowCallRateThreshold = slowCallRateThreshold;
	}

	static HalfOpenTrial of(CircuitBreakerConfig config) {
		return new HalfOpenTrial(config.permittedCallsInHalfOpenState(), config.failureRateThreshold(),
				config.slowCallRateThreshold());
	}

	/**
	 * Admit a trial call if one of the permitted slots is free.
	 * @return whether the call may proceed
	 */
	boolean tryAcquire() {
		this.lock.lock();
		try {
			if (this.inFlight + this.calls >= this.permitted) {
				return false;
			}
			this.inFlight++;
			return true;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Free the slot of an admitted call that ended without an outcome to record.
	 */
	void release() {
		this.lock.lock();
		try {
			if (this.inFlight > 0) {
				this.inFlight--;
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Record the outcome of an admitted call. An outcome that arrives with no call in
	 * flight, or after the verdict, belongs to no trial and is dropped.
	 * @param failure whether it failed
	 * @param slow whether it was slow
	 * @return the verdict, reached once and only once
	 */
	Verdict record(boolean failure, boolean slow) {
		this.lock.lock();
		try {
			if (this.decided || this.inFlight == 0) {
				return Verdict.PENDING;
			}
			this.inFlight--;
			this.calls++;
			this.failures += failure ? 1 : 0;
			this.slowCalls += slow ? 1 : 0;
			Verdict verdict = verdict();
			this.decided = verdict != Verdict.PENDING;
			return verdict;
		}
		finally {
			this.lock.unlock();
		}
	}

	private Verdict verdict() {
		if (reached(this.failures, this.failureRateThreshold) || reached(this.slowCalls, this.slowCallRateThreshold)) {
			return Verdict.REOPEN;
		}
		int pending = this.permitted - this.calls;
		if (!reached(this.failures + pending, this.failureRateThreshold)
				&& !reached(this.slowCalls + pending, this.slowCallRateThreshold)) {
			return Verdict.CLOSE;
		}
		return Verdict.PENDING;
	}

	private boolean reached(int count, float threshold) {
		return CallStats.reaches(count, this.permitted, threshold);
	}

	@Override
	public CallStats snapshot() {
		this.lock.lock();
		try {
			boolean any = this.calls > 0;
			return new Snapshot(this.calls, this.failures, this.slowCalls, this.calls - this.failures,
					any ? CallStats.rate(this.failures, this.calls) : -1,
					any ? CallStats.rate(this.slowCalls, this.calls) : -1);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * What the trial calls say about the downstream so far.
	 */
	enum Verdict {

		/**
		 * Not certain yet.
		 */
		PENDING,

		/**
		 * Enough trial calls failed or were slow to reach a threshold.
		 */
		REOPEN,

		/**
		 * Too few trial calls are left for any threshold to be reached.
		 */
		CLOSE

	}

}
