package dev.resilience.circuitbreaker;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sliding window of the last N calls: a ring of one byte per call, without a lock. A call
 * takes the next slot, swaps its outcome in and adds to the totals the difference from
 * the outcome it pushed out, so that a run of successes only moves the cursor.
 * <p>
 * A swap and its difference are two steps, so under contention the totals may lag the
 * ring by the outcomes of the calls being recorded at that moment, and no more; a call
 * judges the window by totals that include its own outcome.
 *
 * @author Resilience
 */
final class CountWindow extends SlidingWindow {

	private static final VarHandle OUTCOMES = MethodHandles.arrayElementVarHandle(byte[].class);

	/**
	 * A slot no call has filled yet.
	 */
	private static final byte EMPTY = 0;

	private static final byte RECORDED = 1;

	private static final byte FAILED = 2;

	private static final byte SLOW = 4;

	private final byte[] outcomes;

	/**
	 * The slot the next call takes.
	 */
	private final AtomicInteger cursor = new AtomicInteger();

	/**
	 * The slots filled so far; grows to the capacity, then stays.
	 */
	private final AtomicInteger calls = new AtomicInteger();

	/**
	 * Failures in the high half, slow calls in the low half, each read as a signed number
	 * so that one addition applies both differences, whatever their signs.
	 */
	private final AtomicLong counts = new AtomicLong();

	/**
	 * Create a window of the last {@code capacity} calls. It never waits for more calls
	 * than it can hold, so the minimum is capped at the capacity.
	 */
	CountWindow(int capacity, int minimumCalls, float failureRateThreshold, float slowCallRateThreshold) {
		super(Math.min(minimumCalls, capacity), failureRateThreshold, slowCallRateThreshold);
		this.outcomes = new byte[capacity];
	}

	@Override
	boolean record(boolean failure, boolean slow) {
		byte outcome = (byte) (RECORDED | (failure ? FAILED : 0) | (slow ? SLOW : 0));
		int slot = nextSlot();
		byte evicted = (byte) OUTCOMES.getVolatile(this.outcomes, slot);
		if (evicted != outcome) {
			evicted = (byte) OUTCOMES.getAndSet(this.outcomes, slot, outcome);
		}
		if (evicted == EMPTY) {
			this.calls.incrementAndGet();
		}
		long difference = ((long) (flag(outcome, FAILED) - flag(evicted, FAILED)) << 32)
				+ (flag(outcome, SLOW) - flag(evicted, SLOW));
		long counts = (difference != 0) ? this.counts.addAndGet(difference) : this.counts.get();
		// calls is read after the counts, so it covers every call they include
		return reached(this.calls.get(), failures(counts), slowCalls(counts));
	}

	private int nextSlot() {
		for (;;) {
			int slot = this.cursor.get();
			int next = (slot + 1 == this.outcomes.length) ? 0 : slot + 1;
			if (this.cursor.compareAndSet(slot, next)) {
				return slot;
			}
		}
	}

	private static int flag(byte outcome, byte flag) {
		return ((outcome & flag) != 0) ? 1 : 0;
	}

	private static long failures(long counts) {
		return (counts - (int) counts) >> 32;
	}

	private static long slowCalls(long counts) {
		return (int) counts;
	}

	/**
	 * Keep a count read while other calls were being recorded within what the window can
	 * hold.
	 */
	private static long bounded(long count, int calls) {
		return Math.max(0, Math.min(count, calls));
	}

	@Override
	public int bufferedCalls() {
		return this.calls.get();
	}

	@Override
	public int failedCalls() {
		long counts = this.counts.get();
		return (int) bounded(failures(counts), this.calls.get());
	}

	@Override
	public int slowCalls() {
		long counts = this.counts.get();
		return (int) bounded(slowCalls(counts), this.calls.get());
	}

	@Override
	public int successfulCalls() {
		long counts = this.counts.get();
		int calls = this.calls.get();
		return calls - (int) bounded(failures(counts), calls);
	}

	@Override
	public float failureRate() {
		long counts = this.counts.get();
		int calls = this.calls.get();
		return rate(bounded(failures(counts), calls), calls);
	}

	@Override
	public float slowCallRate() {
		long counts = this.counts.get();
		int calls = this.calls.get();
		return rate(bounded(slowCalls(counts), calls), calls);
	}

	@Override
	public CallStats snapshot() {
		long counts = this.counts.get();
		int calls = this.calls.get();
		return snapshot(calls, bounded(failures(counts), calls), bounded(slowCalls(counts), calls));
	}

}
