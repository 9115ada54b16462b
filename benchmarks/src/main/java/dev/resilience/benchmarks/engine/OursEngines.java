package dev.resilience.benchmarks.engine;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.resilience.benchmarks.Checks;
import dev.resilience.benchmarks.Settings;
import dev.resilience.bulkhead.Bulkhead;
import dev.resilience.bulkhead.BulkheadConfig;
import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerConfig;
import dev.resilience.circuitbreaker.SlidingWindowType;
import dev.resilience.ratelimiter.RateLimiter;
import dev.resilience.ratelimiter.RateLimiterConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * This project's engines called by hand, without Spring: one instance of each shared by
 * all the benchmark's threads, so that two threads contend for it. A benchmark here and
 * its namesake in {@link Resilience4jEngines} do the same steps.
 *
 * @author Resilience
 * @since 0.1.0
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class OursEngines {

	/**
	 * Acquire a permission, time the call, record its success.
	 * @param engines the shared engines
	 * @param blackhole consumes the call's result
	 */
	@Benchmark
	public void circuitBreaker(Engines engines, Blackhole blackhole) {
		CircuitBreaker breaker = engines.breaker;
		if (!breaker.tryAcquirePermission()) {
			throw new IllegalStateException(breaker + " did not permit a call");
		}
		long start = breaker.nanoTime();
		blackhole.consume(engines.argument);
		breaker.onSuccess(breaker.nanoTime() - start);
	}

	/**
	 * Take a permit, then make the call.
	 * @param engines the shared engines
	 * @param blackhole consumes the call's result
	 */
	@Benchmark
	public void rateLimiter(Engines engines, Blackhole blackhole) {
		engines.limiter.acquirePermission(RateLimiter.DEFAULT_KEY);
		blackhole.consume(engines.argument);
	}

	/**
	 * Take a slot, make the call, give the slot back.
	 * @param engines the shared engines
	 * @param blackhole consumes the call's result
	 */
	@Benchmark
	public void bulkhead(Engines engines, Blackhole blackhole) {
		Bulkhead bulkhead = engines.bulkhead;
		if (!bulkhead.tryAcquirePermission()) {
			throw new IllegalStateException(bulkhead + " had no free slot");
		}
		try {
			blackhole.consume(engines.argument);
		}
		finally {
			bulkhead.releasePermission();
		}
	}

	/**
	 * The engines, created once per fork.
	 */
	@State(Scope.Benchmark)
	public static class Engines {

		String argument = Settings.ARGUMENT;

		CircuitBreaker breaker;

		RateLimiter limiter;

		Bulkhead bulkhead;

		@Setup(Level.Trial)
		public void create() {
			CircuitBreaker breaker = CircuitBreaker.of(Settings.INSTANCE,
					CircuitBreakerConfig.builder()
						.slidingWindowType(SlidingWindowType.COUNT)
						.slidingWindowSize(Settings.BREAKER_WINDOW_SIZE)
						.minimumNumberOfCalls(Settings.BREAKER_MINIMUM_CALLS)
						.failureRateThreshold(Settings.BREAKER_FAILURE_THRESHOLD)
						.permittedCallsInHalfOpenState(Settings.BREAKER_HALF_OPEN_CALLS)
						.waitDurationInOpenState(Duration.ofSeconds(Settings.BREAKER_OPEN_WAIT_SECONDS))
						.build());
			RateLimiter limiter = RateLimiter.of(Settings.INSTANCE,
					RateLimiterConfig.builder()
						.limit(Settings.RATE_LIMIT_PER_SECOND)
						.burst(Settings.RATE_LIMIT_PER_SECOND)
						.period(Duration.ofSeconds(1))
						.timeout(Duration.ZERO)
						.build());
			Bulkhead bulkhead = Bulkhead.of(Settings.INSTANCE,
					BulkheadConfig.builder()
						.maxConcurrentCalls(Settings.BULKHEAD_MAX_CONCURRENT_CALLS)
						.maxWaitDuration(Duration.ZERO)
						.build());
			this.breaker = breaker;
			this.limiter = limiter;
			this.bulkhead = bulkhead;
			String argument = this.argument;
			Checks.grows("a permitted, recorded call", argument, () -> {
				breaker.tryAcquirePermission();
				breaker.onSuccess(0);
				return argument;
			}, () -> breaker.metrics().successfulCalls());
			Checks.grows("a permit", argument, () -> {
				limiter.acquirePermission(RateLimiter.DEFAULT_KEY);
				return argument;
			}, () -> limiter.metrics().permittedCalls());
			Checks.grows("a slot", argument, () -> {
				bulkhead.tryAcquirePermission();
				bulkhead.releasePermission();
				return argument;
			}, () -> bulkhead.metrics().permittedCalls());
			Checks.equal("free slots", Settings.BULKHEAD_MAX_CONCURRENT_CALLS, bulkhead.metrics().availableSlots());
		}

	}

}
