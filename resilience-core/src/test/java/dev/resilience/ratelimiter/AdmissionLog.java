package dev.resilience.ratelimiter;

import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The times at which a bucket admitted calls, checked against the bound each algorithm
 * promises over every interval. Not thread-safe: merge per-thread logs with
 * {@link #addAll}.
 */
final class AdmissionLog {

	private long[] times = new long[16];

	private int size;

	void add(long time) {
		if (this.size == this.times.length) {
			this.times = Arrays.copyOf(this.times, this.size * 2);
		}
		this.times[this.size++] = time;
	}

	void addAll(AdmissionLog other) {
		for (int i = 0; i < other.size; i++) {
			add(other.times[i]);
		}
	}

	int size() {
		return this.size;
	}

	/**
	 * Assert that no interval {@code [a, b]} holds more than
	 * {@code burst + limit × (b - a) / period} admissions. With admissions sorted and
	 * {@code g(k) = k × period - t(k) × limit}, that is
	 * {@code g(j) - g(i) <= (burst - 1) × period} for every {@code i < j}.
	 */
	void assertTokenBucketBound(int limit, Duration period, int burst) {
		long[] sorted = sorted();
		long periodNanos = period.toNanos();
		long allowed = Math.multiplyExact(burst - 1L, periodNanos);
		long lowest = Long.MAX_VALUE;
		int lowestIndex = -1;
		for (int k = 0; k < sorted.length; k++) {
			long g = Math.subtractExact(Math.multiplyExact(k, periodNanos), Math.multiplyExact(sorted[k], limit));
			if (g < lowest) {
				lowest = g;
				lowestIndex = k;
			}
			long excess = g - lowest;
			if (excess > allowed) {
				int i = lowestIndex;
				assertThat(excess)
					.as("%d admissions between %dns and %dns exceed burst %d + %d per %s", k - i + 1, sorted[i],
							sorted[k], burst, limit, period)
					.isLessThanOrEqualTo(allowed);
			}
		}
	}

	/**
	 * Assert that no window of length {@code period} holds more than {@code limit}
	 * admissions: with admissions sorted, {@code t(k) - t(k - limit) >= period}.
	 */
	void assertSlidingWindowBound(int limit, Duration period) {
		long[] sorted = sorted();
		long periodNanos = period.toNanos();
		for (int k = limit; k < sorted.length; k++) {
			long span = sorted[k] - sorted[k - limit];
			if (span < periodNanos) {
				assertThat(span)
					.as("%d admissions between %dns and %dns exceed %d per %s", limit + 1, sorted[k - limit], sorted[k],
							limit, period)
					.isGreaterThanOrEqualTo(periodNanos);
			}
		}
	}

	private long[] sorted() {
		long[] sorted = Arrays.copyOf(this.times, this.size);
		Arrays.sort(sorted);
		return sorted;
	}

}
