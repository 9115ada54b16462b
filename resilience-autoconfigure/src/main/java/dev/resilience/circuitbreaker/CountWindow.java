package dev.resilience.circuitbreaker;

/**
 * Sliding window of the last N calls: a ring of one byte per call.
 *
 * @author Resilience
 */
final class CountWindow extends SlidingWindow {

	private static final byte FAILED = 1;

	private static final byte SLOW = 2;

	private final byte[] outcomes;

	private int next;

	private int size;

	/**
	 * Create a window of the last {@code capacity} calls. It never waits for more calls
	 * than it can hold, so the minimum is capped at the capacity.
	 */
	CountWindow(int capacity, int minimumCalls, float failureRateThreshold, float slowCallRateThreshold) {
		super(Math.min(minimumCalls, capacity), failureRateThreshold, slowCallRateThreshold);
		this.outcomes = new byte[capacity];
	}

	@Override
	void store(boolean failure, boolean slow) {
		if (this.size == this.outcomes.length) {
			byte oldest = this.outcomes[this.next];
			forget(1, oldest & FAILED, (oldest & SLOW) >> 1);
		}
		else {
			this.size++;
		}
		this.outcomes[this.next] = (byte) ((failure ? FAILED : 0) | (slow ? SLOW : 0));
		this.next = (this.next + 1 == this.outcomes.length) ? 0 : this.next + 1;
	}

}
