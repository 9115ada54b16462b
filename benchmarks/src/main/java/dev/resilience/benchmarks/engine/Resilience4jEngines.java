package dev.resilience.benchmarks.engine;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.resilience.benchmarks.Checks;
import dev.resilience.benchmarks.Settings;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
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
 * Resilience4j's core engines called by hand, the same steps with the same settings as
 * {@link OursEngines}.
 *
 * @author Resilience
 * @since 0.1.0
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class Resilience4jEngines {

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
		long start = breaker.getCurrentTimestamp();
		blackhole.consume(engines.argument);
		breaker.onSuccess(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit());
	}

	/**
	 * Take a permit, then make the call.
	 * @param engines the shared engines
	 * @param blackhole consumes the call's result
	 */
	@Benchmark
	public void rateLimiter(Engines engines, Blackhole blackhole) {
		RateLimiter limiter = engines.limiter;
		if (!limiter.acquirePermission()) {
			throw new IllegalStateException(limiter + " had no permit");
		}
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
			bulkhead.onComplete();
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
					CircuitBreakerConfig.custom()
						.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
						.slidingWindowSize(Settings.BREAKER_WINDOW_SIZE)
						.minimumNumberOfCalls(Settings.BREAKER_MINIMUM_CALLS)
						.failureRateThreshold(Settings.BREAKER_FAILURE_THRESHOLD)
						.permittedNumberOfCallsInHalfOpenState(Settings.BREAKER_HALF_OPEN_CALLS)
						.waitDurationInOpenState(Duration.ofSeconds(Settings.BREAKER_OPEN_WAIT_SECONDS))
						.build());
			RateLimiter limiter = RateLimiter.of(Settings.INSTANCE,
					RateLimiterConfig.custom()
						.limitForPeriod(Settings.RATE_LIMIT_PER_SECOND)
						.limitRefreshPeriod(Duration.ofSeconds(1))
						.timeoutDuration(Duration.ZERO)
						.build());
			Bulkhead bulkhead = Bulkhead.of(Settings.INSTANCE,
					BulkheadConfig.custom()
						.maxConcurrentCalls(Settings.BULKHEAD_MAX_CONCURRENT_CALLS)
						.maxWaitDuration(Duration.ZERO)
						.build());
			this.breaker = breaker;
			this.limiter = limiter;
			this.bulkhead = bulkhead;
			String argument = this.argument;
			Checks.grows("a permitted, recorded call", argument, () -> {
				breaker.tryAcquirePermission();
				breaker.onSuccess(0, breaker.getTimestampUnit());
				return argument;
			}, () -> breaker.getMetrics().getNumberOfSuccessfulCalls());
			// permits taken this period; a new period makes the check try again
			Checks.growsInOneOf(3, "a permit", argument, () -> {
				limiter.acquirePermission();
				return argument;
			}, () -> -limiter.getMetrics().getAvailablePermissions());
			bulkhead.tryAcquirePermission();
			int freeWhileTaken = bulkhead.getMetrics().getAvailableConcurrentCalls();
			bulkhead.onComplete();
			Checks.equal("free slots while one is taken", Settings.BULKHEAD_MAX_CONCURRENT_CALLS - 1, freeWhileTaken);
			Checks.equal("free slots", Settings.BULKHEAD_MAX_CONCURRENT_CALLS,
					bulkhead.getMetrics().getAvailableConcurrentCalls());
		}

	}

}
