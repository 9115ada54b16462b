package dev.resilience.bulkhead;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;

/**
 * The slots of a bulkhead and the FIFO queue of callers waiting for one.
 * <p>
 * A free slot is taken by compare-and-set, and given back the same way, without a lock
 * while nobody waits. Callers queue under a lock, and a slot given back while anyone is
 * queued goes to the oldest waiter; a newcomer takes a free slot only while the queue is
 * empty, so it never overtakes a waiter. Both sides publish before they check the other
 * (the releaser frees its slot and then reads the queue size, the waiter joins the queue
 * and then looks for a free slot), so no slot is left free while a caller waits.
 *
 * @author Resilience
 */
final class Slots {

	private final int capacity;

	private final AtomicInteger free;

	private final ReentrantLock lock = new ReentrantLock();

	// the queue, oldest first, guarded by the lock
	private @Nullable Waiter head;

	private @Nullable Waiter tail;

	// written under the lock, read without it
	private volatile int queued;

	Slots(int capacity) {
		this.capacity = capacity;
		this.free = new AtomicInteger(capacity);
	}

	int free() {
		return this.free.get();
	}

	int queued() {
		return this.queued;
	}

	int held() {
		return this.capacity - this.free.get();
	}

	/**
	 * Take a free slot if nobody waits for one.
	 * @return whether a slot was taken
	 */
	boolean tryTake() {
		return this.queued == 0 && takeFree();
	}

	/**
	 * Take a free slot if nobody waits for one, or else queue the waiter. A queued waiter
	 * may be granted a slot before this method returns.
	 * @param waiter the waiter
	 * @return {@code true} if a slot was taken at once and the waiter not queued
	 */
	boolean takeOrEnqueue(Waiter waiter) {
		Waiter granted;
		this.lock.lock();
		try {
			if (this.head == null && takeFree()) {
				return true;
			}
			append(waiter);
			// a slot may have been given back after takeFree() failed and before the
			// releaser could see this waiter
			granted = grantLocked();
		}
		finally {
			this.lock.unlock();
		}
		wake(granted);
		return false;
	}

	/**
	 * Remove a waiter that gives up.
	 * @param waiter the waiter
	 * @return {@code true} if it was removed, {@code false} if it was granted a slot
	 * first (which it then holds) or was already removed
	 */
	boolean cancel(Waiter waiter) {
		this.lock.lock();
		try {
			if (!waiter.isWaiting()) {
				return false;
			}
			unlink(waiter);
			waiter.markCancelled();
			return true;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Give a slot back, to the oldest waiter if any.
	 * @throws IllegalStateException if every slot is already free
	 */
	void release() {
		int current;
		do {
			current = this.free.get();
			if (current >= this.capacity) {
				throw new IllegalStateException(
						"No permission to release: all " + this.capacity + " slots are already free");
			}
		}
		while (!this.free.compareAndSet(current, current + 1));
		if (this.queued != 0) {
			Waiter granted;
			this.lock.lock();
			try {
				granted = grantLocked();
			}
			finally {
				this.lock.unlock();
			}
			wake(granted);
		}
	}

	private boolean takeFree() {
		for (;;) {
			int current = this.free.get();
			if (current == 0) {
				return false;
			}
			if (this.free.compareAndSet(current, current - 1)) {
				return true;
			}
		}
	}

	/**
	 * Hand free slots to the oldest waiters, dropping abandoned ones on the way.
	 * @return the waiters granted a slot, linked by {@link Waiter#nextToWake}, to wake
	 * once the lock is released
	 */
	private @Nullable Waiter grantLocked() {
		Waiter first = null;
		Waiter last = null;
		Waiter waiter = this.head;
		while (waiter != null) {
			Waiter next = waiter.next;
			if (waiter.isAbandoned()) {
				unlink(waiter);
				waiter.markCancelled();
			}
			else if (takeFree()) {
				unlink(waiter);
				waiter.markGranted();
				if (last == null) {
					first = waiter;
				}
				else {
					last.nextToWake = waiter;
				}
				last = waiter;
			}
			else {
				break;
			}
			waiter = next;
		}
		return first;
	}

	private static void wake(@Nullable Waiter granted) {
		Waiter waiter = granted;
		while (waiter != null) {
			Waiter next = waiter.nextToWake;
			waiter.nextToWake = null;
			waiter.wake();
			waiter = next;
		}
	}

	private void append(Waiter waiter) {
		waiter.previous = this.tail;
		if (this.tail == null) {
			this.head = waiter;
		}
		else {
			this.tail.next = waiter;
		}
		this.tail = waiter;
		this.queued = this.queued + 1;
	}

	private void unlink(Waiter waiter) {
		Waiter previous = waiter.previous;
		Waiter next = waiter.next;
		if (previous == null) {
			this.head = next;
		}
		else {
			previous.next = next;
		}
		if (next == null) {
			this.tail = previous;
		}
		else {
			next.previous = previous;
		}
		waiter.previous = null;
		waiter.next = null;
		this.queued = this.queued - 1;
	}

}
