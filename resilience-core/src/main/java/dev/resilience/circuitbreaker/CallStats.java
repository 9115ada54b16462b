package dev.resilience.circuitbreaker;

/**
 * Outcomes a state judges the downstream by: the sliding window while closed, the trial
 * calls while half-open.
 *
 * @author Resilience
 */
interface CallStats {

	int bufferedCalls();

	int failedCalls();

	int slowCalls();

	int successfulCalls();

	float failureRate();

	float slowCallRate();

	/**
	 * Return these statistics as they are now, frozen, so that a state that came from
	 * this one keeps reporting them.
	 * @return a consistent, immutable copy
	 */
	CallStats snapshot();

	/**
	 * Return the share of {@code part} in {@code total}.
	 * @param part the calls counted
	 * @param total all calls, at least 1
	 * @return the rate in percent
	 */
	static float rate(long part, long total) {
		return part * 100f / total;
	}

	/**
	 * Whether {@code part} makes up at least {@code threshold} percent of {@code total}.
	 * @param part the calls counted
	 * @param total all calls, at least 1
	 * @param threshold the threshold in percent
	 * @return {@code true} if the threshold is reached
	 */
	static boolean reaches(long part, long total, float threshold) {
		return rate(part, total) >= threshold;
	}

	/**
	 * The counts a state keeps.
	 */
	enum Count {

		CALLS, FAILURES, SLOW_CALLS, SUCCESSES

	}

	/**
	 * Statistics frozen at a point in time.
	 */
	record Snapshot(int bufferedCalls, int failedCalls, int slowCalls, int successfulCalls, float failureRate,
			float slowCallRate) implements CallStats {

		@Override
		public CallStats snapshot() {
			return this;
		}

	}

}
