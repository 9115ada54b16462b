package dev.resilience.ratelimiter;

import java.time.Duration;

import dev.resilience.core.Scheduler;
import dev.resilience.core.Sleeper;
import dev.resilience.core.TimeSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds rate limiters on a fake clock for tests, and counts what they admit.
 */
final class Limiters {

	static final Sleeper NO_SLEEP = (nanos) -> {
		throw new AssertionError("slept " + nanos + "ns");
	};

	static final Scheduler NO_SCHEDULE = (task, delayNanos) -> {
		throw new AssertionError("scheduled after " + delayNanos + "ns");
	};

	private Limiters() {
	}

	static RateLimiter limiter(RateLimiterConfig config, TimeSource clock) {
		return new RateLimiter("api", config, clock, NO_SLEEP, NO_SCHEDULE);
	}

	static RateLimiterConfig tokenBucket(int limit, Duration period, int burst) {
		return RateLimiterConfig.builder().limit(limit).period(period).burst(burst).build();
	}

	static RateLimiterConfig slidingWindow(int limit, Duration period) {
		return RateLimiterConfig.builder()
			.algorithm(RateLimiterAlgorithm.SLIDING_WINDOW)
			.limit(limit)
			.period(period)
			.build();
	}

	/**
	 * Take permits without waiting until none is left.
	 * @return how many were taken
	 */
	static int drain(RateLimiter limiter, Object key) {
		int taken = 0;
		while (limiter.reserve(key, 0) == 0) {
			taken++;
			assertThat(taken).as("permits taken at one instant").isLessThan(10_000_000);
		}
		return taken;
	}

}
