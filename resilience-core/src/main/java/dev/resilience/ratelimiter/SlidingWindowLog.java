package dev.resilience.ratelimiter;

/**
 * An exact sliding window: a ring of the times of the latest {@code limit} admissions. A
 * permit is granted at the earliest time that lies at least {@code period} after the
 * admission {@code limit} places back, so no window of length {@code period}, wherever it
 * starts, ever holds more than {@code limit} admissions. Times are whole nanoseconds,
 * with no rounding. A permit that is not available yet may be reserved: its time is
 * logged all the same, so later callers queue behind.
 * <p>
 * The ring grows as needed, up to {@code limit} entries, so that a key making few calls
 * costs little memory.
 *
 * @author Resilience
 */
final class SlidingWindowLog extends LockedBucket {

	private static final int INITIAL_CAPACITY = 8;

	private final int limit;

	private final long periodNanos;

	/**
	 * Admission times, oldest at {@link #head}, in non-decreasing order.
	 */
	private long[] times;

	private int head;

	private int size;

	SlidingWindowLog(int limit, long periodNanos) {
		this.limit = limit;
		this.periodNanos = periodNanos;
		this.times = new long[Math.min(limit, INITIAL_CAPACITY)];
	}

	@Override
	long reserve(long now, long maxWaitNanos) {
		long waitNanos = 0;
		if (this.size > 0) {
			// never before the newest, so that the ring stays in order
			waitNanos = Math.max(waitNanos, newest() - now);
		}
		if (this.size == this.limit) {
			waitNanos = Math.max(waitNanos, this.times[this.head] - now + this.periodNanos);
		}
		if (waitNanos > maxWaitNanos) {
			return rejected(waitNanos);
		}
		append(now + waitNanos);
		return waitNanos;
	}

	@Override
	boolean isIdle(long now) {
		return this.size == 0 || newest() - now + this.periodNanos <= 0;
	}

	@Override
	long nanosUntilIdleAt(long now) {
		return (this.size > 0) ? Math.max(newest() - now + this.periodNanos, 0) : 0;
	}

	@Override
	long availablePermitsAt(long now) {
		int inWindow = 0;
		for (int i = this.size - 1; i >= 0; i--) {
			if (this.times[index(i)] - now + this.periodNanos <= 0) {
				break;
			}
			inWindow++;
		}
		return this.limit - inWindow;
	}

	private long newest() {
		return this.times[index(this.size - 1)];
	}

	private int index(int position) {
		int index = this.head + position;
		return (index < this.times.length) ? index : index - this.times.length;
	}

	private void append(long time) {
		if (this.size == this.limit) {
			this.times[this.head] = time;
			this.head = index(1);
			return;
		}
		if (this.size == this.times.length) {
			grow();
		}
		this.times[index(this.size)] = time;
		this.size++;
	}

	private void grow() {
		long[] grown = new long[(int) Math.min(this.limit, 2L * this.times.length)];
		for (int i = 0; i < this.size; i++) {
			grown[i] = this.times[index(i)];
		}
		this.times = grown;
		this.head = 0;
	}

}
