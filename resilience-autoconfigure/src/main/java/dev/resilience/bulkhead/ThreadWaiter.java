package dev.resilience.bulkhead;

import java.util.concurrent.locks.LockSupport;

/**
 * A thread parked until it is granted a slot; a virtual thread unmounts while parked.
 *
 * @author Resilience
 */
final class ThreadWaiter extends Waiter {

	private final Thread thread = Thread.currentThread();

	@Override
	void wake() {
		LockSupport.unpark(this.thread);
	}

}
