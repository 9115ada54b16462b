package dev.resilience.bulkhead;

import org.jspecify.annotations.Nullable;

/**
 * A caller queued for a slot of a {@link Slots}: a node of its FIFO queue that is either
 * handed a slot or cancelled, exactly once, under the queue's lock.
 *
 * @author Resilience
 */
abstract class Waiter {

	private static final int WAITING = 0;

	private static final int GRANTED = 1;

	private static final int CANCELLED = 2;

	// written under the queue's lock; read without it by the waiter
	private volatile int state = WAITING;

	// the queue links, guarded by the queue's lock
	@Nullable Waiter previous;

	@Nullable Waiter next;

	// links the waiters granted by one release, read by the releasing thread after unlock
	@Nullable Waiter nextToWake;

	boolean isWaiting() {
		return this.state == WAITING;
	}

	boolean isGranted() {
		return this.state == GRANTED;
	}

	void markGranted() {
		this.state = GRANTED;
	}

	void markCancelled() {
		this.state = CANCELLED;
	}

	/**
	 * Whether the caller no longer wants the slot, so that the queue skips it.
	 * @return {@code true} if it should be dropped instead of granted
	 */
	boolean isAbandoned() {
		return false;
	}

	/**
	 * Tell the caller it was granted a slot. Called once, outside the queue's lock.
	 */
	abstract void wake();

}
