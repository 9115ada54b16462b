package dev.resilience.bulkhead;

import java.util.concurrent.locks.LockSupport;

import dev.resilience.core.TimeSource;

/**
 * A thread parked until it is granted a slot; a virtual thread unmounts while parked.
 *
 * @author Resilience
 */
final class ThreadWaiter extends Waiter {

	private final Thread thread = Thread.currentThread();

	/**
	 * Park the calling thread, which created this waiter, until it is granted a slot, its
	 * time is up, or it is interrupted.
	 * @param timeSource the clock the wait is measured on
	 * @param maxWaitNanos the longest wait
	 * @param blocker what the thread waits for, as shown in thread dumps
	 * @return whether the thread was interrupted, its flag then cleared
	 */
	boolean park(TimeSource timeSource, long maxWaitNanos, Object blocker) {
		// wraps around for the longest waits, which the subtraction below undoes
		long deadline = timeSource.nanoTime() + maxWaitNanos;
		while (!isGranted()) {
			long remaining = deadline - timeSource.nanoTime();
			if (remaining <= 0) {
				return false;
			}
			LockSupport.parkNanos(blocker, remaining);
			if (Thread.interrupted()) {
				return true;
			}
		}
		return false;
	}

	@Override
	void wake() {
		LockSupport.unpark(this.thread);
	}

}
