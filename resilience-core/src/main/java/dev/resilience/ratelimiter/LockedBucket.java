package dev.resilience.ratelimiter;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A bucket whose state is more than one word, guarded by a lock of its own that is held
 * only to compute and record one reservation, never while a caller waits for its permit.
 *
 * @author Resilience
 */
abstract class LockedBucket extends Bucket {

	private final ReentrantLock lock = new ReentrantLock();

	private boolean retired;

	@Override
	final long tryReserve(long now, long maxWaitNanos) {
		long limit = Math.min(maxWaitNanos, LONGEST_NANOS);
		this.lock.lock();
		try {
			return this.retired ? RETIRED : reserve(now, limit);
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	final boolean retireIfIdle(long now) {
		this.lock.lock();
		try {
			if (!this.retired && isIdle(now)) {
				this.retired = true;
			}
			return this.retired;
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	final long nanosUntilIdle(long now) {
		this.lock.lock();
		try {
			return this.retired ? 0 : nanosUntilIdleAt(now);
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	final long availablePermits(long now) {
		this.lock.lock();
		try {
			return availablePermitsAt(now);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Grant or refuse a permit, with the lock held.
	 * @param now the current time
	 * @param maxWaitNanos how long the caller may wait, at most {@link #LONGEST_NANOS}
	 * @return the wait, or {@link #rejected(long)} of the wait it would need
	 */
	abstract long reserve(long now, long maxWaitNanos);

	/**
	 * Whether the bucket is as full as a new one, with the lock held.
	 * @param now the current time
	 * @return {@code true} if idle
	 */
	abstract boolean isIdle(long now);

	/**
	 * Return how long until the bucket is as full as a new one, with the lock held.
	 * @param now the current time
	 * @return the nanoseconds until idle, {@code 0} if idle
	 */
	abstract long nanosUntilIdleAt(long now);

	/**
	 * Count the permits available without a wait, with the lock held.
	 * @param now the current time
	 * @return the available permits
	 */
	abstract long availablePermitsAt(long now);

}
