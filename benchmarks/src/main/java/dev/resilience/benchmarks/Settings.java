package dev.resilience.benchmarks;

/**
 * The one configuration every library is given, so that they do the same work: a
 * count-based breaker of 100 calls that opens at 50% failures once 20 are buffered, a
 * retry of 3 attempts 500 ms apart, a rate limit that is never reached, a bulkhead of 25
 * that never waits, and a time limit of 1 second; in Redis, a rate limit of a million
 * permits a second. Every benchmark measures the success path: the breaker closed, the
 * first attempt succeeding, a permit available, a slot free, the call in time.
 *
 * @author Resilience
 * @since 0.1.0
 */
public final class Settings {

	/**
	 * Instance name used by every annotation.
	 */
	public static final String INSTANCE = "bench";

	/**
	 * Argument passed to every benchmarked method, which returns it.
	 */
	public static final String ARGUMENT = "sku-42";

	/**
	 * Retry: total attempts, the first included.
	 */
	public static final int RETRY_MAX_ATTEMPTS = 3;

	/**
	 * Retry: wait between attempts, in milliseconds.
	 */
	public static final int RETRY_WAIT_MILLIS = 500;

	/**
	 * Circuit breaker: calls in the count-based sliding window.
	 */
	public static final int BREAKER_WINDOW_SIZE = 100;

	/**
	 * Circuit breaker: calls buffered before a rate is computed.
	 */
	public static final int BREAKER_MINIMUM_CALLS = 20;

	/**
	 * Circuit breaker: failure rate, in percent, that opens it.
	 */
	public static final int BREAKER_FAILURE_THRESHOLD = 50;

	/**
	 * Circuit breaker: trial calls while half-open.
	 */
	public static final int BREAKER_HALF_OPEN_CALLS = 5;

	/**
	 * Circuit breaker: wait in the open state, in seconds.
	 */
	public static final int BREAKER_OPEN_WAIT_SECONDS = 60;

	/**
	 * Rate limiter: permits per one-second period, far more than any benchmark asks for.
	 */
	public static final int RATE_LIMIT_PER_SECOND = 1_000_000_000;

	/**
	 * Rate limiter in Redis: permits per one-second period and burst, far more than the
	 * benchmarks ask for over a network round trip.
	 */
	public static final int REDIS_RATE_LIMIT_PER_SECOND = 1_000_000;

	/**
	 * Rate limiter in Redis: keys of the many-keys benchmarks.
	 */
	public static final int REDIS_KEYS = 1_000;

	/**
	 * Rate limiter in Redis: longest wait for Redis's answer, in milliseconds. Longer
	 * than the default of 50 ms, which a JIT compilation or a busy neighbour on a small
	 * machine can exceed, so that the run measures Redis's answers and never a fallback.
	 */
	public static final int REDIS_COMMAND_TIMEOUT_MILLIS = 1_000;

	/**
	 * Bulkhead: calls allowed inside at once.
	 */
	public static final int BULKHEAD_MAX_CONCURRENT_CALLS = 25;

	/**
	 * Time limiter: how long a call may take, in seconds.
	 */
	public static final int TIME_LIMIT_SECONDS = 1;

	private Settings() {
	}

}
