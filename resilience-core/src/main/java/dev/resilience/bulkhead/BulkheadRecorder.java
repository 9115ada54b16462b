package dev.resilience.bulkhead;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import dev.resilience.core.EventBuffer;
import dev.resilience.core.ResilienceEvent;
import dev.resilience.core.TimeSource;

/**
 * Counts a bulkhead's permitted and rejected calls, in adders so that concurrent calls do
 * not contend, creates its rejections, and records at most one
 * {@link BulkheadEventType#CALL_REJECTED} event per second, so that a full bulkhead under
 * load does not allocate an event per call.
 *
 * @author Resilience
 */
final class BulkheadRecorder implements BulkheadMetrics {

	static final long REJECTION_EVENT_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

	private final String name;

	private final BulkheadConfig config;

	private final Slots slots;

	private final TimeSource timeSource;

	private final EventBuffer events = new EventBuffer();

	private final LongAdder permitted = new LongAdder();

	private final LongAdder rejected = new LongAdder();

	private final AtomicLong nextRejectionEventNanos;

	private final AtomicLong reportedRejections = new AtomicLong();

	BulkheadRecorder(String name, BulkheadConfig config, Slots slots, TimeSource timeSource) {
		this.name = name;
		this.config = config;
		this.slots = slots;
		this.timeSource = timeSource;
		this.nextRejectionEventNanos = new AtomicLong(timeSource.nanoTime());
	}

	EventBuffer events() {
		return this.events;
	}

	void permitted() {
		this.permitted.increment();
	}

	/**
	 * Count a call rejected without waiting.
	 */
	void rejectedAtOnce() {
		rejected(Rejection.FULL);
	}

	/**
	 * Count a call rejected without waiting.
	 * @return the exception to reject it with
	 */
	BulkheadFullException full() {
		rejected(Rejection.FULL);
		return new BulkheadFullException(this.name, this.config.maxConcurrentCalls(), Duration.ZERO);
	}

	/**
	 * Count a call that waited in vain.
	 * @return the exception to reject it with
	 */
	BulkheadFullException timedOut() {
		rejected(Rejection.TIMED_OUT);
		return new BulkheadFullException(this.name, this.config.maxConcurrentCalls(), this.config.maxWaitDuration());
	}

	/**
	 * Count a call whose thread was interrupted while it waited.
	 * @return the exception to reject it with
	 */
	BulkheadFullException interrupted() {
		rejected(Rejection.INTERRUPTED);
		return BulkheadFullException.interrupted(this.name, this.config.maxConcurrentCalls());
	}

	private void rejected(Rejection rejection) {
		this.rejected.increment();
		long now = this.timeSource.nanoTime();
		long next = this.nextRejectionEventNanos.get();
		if (now - next >= 0 && this.nextRejectionEventNanos.compareAndSet(next, now + REJECTION_EVENT_INTERVAL_NANOS)) {
			recordRejection(rejection);
		}
	}

	private void recordRejection(Rejection rejection) {
		long total = this.rejected.sum();
		long previous = this.reportedRejections.getAndSet(total);
		int slots = this.config.maxConcurrentCalls();
		String message = switch (rejection) {
			case FULL -> "Rejected a call: all " + slots + " slots in use";
			case TIMED_OUT -> "Rejected a call that waited " + this.config.maxWaitDuration().toMillis()
					+ "ms for one of " + slots + " slots";
			case INTERRUPTED -> "Rejected a call interrupted while waiting for one of " + slots + " slots";
		};
		message += ", " + this.slots.queued() + " queued; " + (total - previous) + " rejected since "
				+ ((previous != 0) ? "the previous event" : "creation");
		this.events
			.add(new ResilienceEvent(this.timeSource.now(), BulkheadEventType.CALL_REJECTED.name(), message, null));
	}

	@Override
	public int activeCalls() {
		return this.slots.held();
	}

	@Override
	public int queuedCalls() {
		return this.slots.queued();
	}

	@Override
	public int availableSlots() {
		return this.slots.free();
	}

	@Override
	public long permittedCalls() {
		return this.permitted.sum();
	}

	@Override
	public long rejectedCalls() {
		return this.rejected.sum();
	}

	@Override
	public String toString() {
		return "BulkheadMetrics[activeCalls=" + activeCalls() + ", queuedCalls=" + queuedCalls() + ", availableSlots="
				+ availableSlots() + ", permittedCalls=" + permittedCalls() + ", rejectedCalls=" + rejectedCalls()
				+ "]";
	}

	private enum Rejection {

		FULL, TIMED_OUT, INTERRUPTED

	}

}
