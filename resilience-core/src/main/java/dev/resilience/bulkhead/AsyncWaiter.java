package dev.resilience.bulkhead;

import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

/**
 * An asynchronous caller queued for a slot: a future completed when it gets one, failed
 * when its timeout, scheduled as this task, fires first.
 * <p>
 * Completing the future runs the caller's continuation, which may finish at once and
 * release its slot to the next asynchronous waiter, and so on. To keep a long queue of
 * such calls from growing the stack, a thread that is already granting queues further
 * grants and runs them one after the other.
 *
 * @author Resilience
 */
final class AsyncWaiter extends Waiter implements Runnable {

	private static final ThreadLocal<Grants> GRANTS = ThreadLocal.withInitial(Grants::new);

	private final Slots slots;

	private final BulkheadRecorder recorder;

	private final CompletableFuture<Void> future = new CompletableFuture<>();

	private @Nullable AsyncWaiter nextToGrant;

	AsyncWaiter(Slots slots, BulkheadRecorder recorder) {
		this.slots = slots;
		this.recorder = recorder;
	}

	CompletableFuture<Void> future() {
		return this.future;
	}

	@Override
	boolean isAbandoned() {
		// cancelled or completed by the caller while queued
		return this.future.isDone();
	}

	@Override
	void wake() {
		Grants grants = GRANTS.get();
		grants.add(this);
		if (grants.running) {
			return;
		}
		grants.running = true;
		try {
			for (AsyncWaiter waiter = grants.poll(); waiter != null; waiter = grants.poll()) {
				waiter.grant();
			}
		}
		finally {
			grants.running = false;
		}
	}

	private void grant() {
		if (this.future.complete(null)) {
			this.recorder.permitted();
		}
		else {
			// the caller gave up after the slot was handed over: pass it on
			this.slots.release();
		}
	}

	/**
	 * The timeout: fail the future unless a slot was granted first or the caller gave up.
	 */
	@Override
	public void run() {
		if (this.slots.cancel(this) && !this.future.isDone()) {
			this.future.completeExceptionally(this.recorder.timedOut());
		}
	}

	/**
	 * The grants a thread has yet to run, in the order they were made.
	 */
	private static final class Grants {

		private boolean running;

		private @Nullable AsyncWaiter head;

		private @Nullable AsyncWaiter tail;

		void add(AsyncWaiter waiter) {
			if (this.tail == null) {
				this.head = waiter;
			}
			else {
				this.tail.nextToGrant = waiter;
			}
			this.tail = waiter;
		}

		@Nullable AsyncWaiter poll() {
			AsyncWaiter first = this.head;
			if (first != null) {
				this.head = first.nextToGrant;
				first.nextToGrant = null;
				if (this.head == null) {
					this.tail = null;
				}
			}
			return first;
		}

	}

}
