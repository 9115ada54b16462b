package dev.resilience.benchmarks.proxy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import dev.resilience.benchmarks.Checks;
import dev.resilience.benchmarks.Contexts;
import dev.resilience.benchmarks.Settings;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.bulkhead.annotation.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.annotation.RateLimiter;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.retry.annotation.Retry;
import io.github.resilience4j.springboot.bulkhead.autoconfigure.BulkheadAutoConfiguration;
import io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration;
import io.github.resilience4j.springboot.ratelimiter.autoconfigure.RateLimiterAutoConfiguration;
import io.github.resilience4j.springboot.retry.autoconfigure.RetryAutoConfiguration;
import io.github.resilience4j.springboot.timelimiter.autoconfigure.TimeLimiterAutoConfiguration;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.github.resilience4j.timelimiter.annotation.TimeLimiter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Resilience4j's annotations, from {@code resilience4j-spring-boot4}, on a bean of an
 * application that imports only Resilience4j's auto-configuration and the AspectJ
 * auto-proxying its aspects need, with the same settings as this project's benchmarks.
 *
 * @author Resilience
 * @since 0.1.0
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class Resilience4jAnnotations {

	@Benchmark
	public void retry(Beans beans, Blackhole blackhole) {
		blackhole.consume(beans.service.retry(beans.argument));
	}

	@Benchmark
	public void circuitBreaker(Beans beans, Blackhole blackhole) {
		blackhole.consume(beans.service.circuitBreaker(beans.argument));
	}

	@Benchmark
	public void rateLimiter(Beans beans, Blackhole blackhole) {
		blackhole.consume(beans.service.rateLimiter(beans.argument));
	}

	@Benchmark
	public void bulkhead(Beans beans, Blackhole blackhole) {
		blackhole.consume(beans.service.bulkhead(beans.argument));
	}

	@Benchmark
	public void timeLimitedAsync(Beans beans, Blackhole blackhole) {
		blackhole.consume(beans.service.timeLimitedAsync(beans.argument));
	}

	@Benchmark
	public void retryCircuitBreaker(Beans beans, Blackhole blackhole) {
		blackhole.consume(beans.service.retryCircuitBreaker(beans.argument));
	}

	@Benchmark
	public void stacked(Beans beans, Blackhole blackhole) {
		blackhole.consume(beans.service.stacked(beans.argument));
	}

	/**
	 * The application, started once per fork, and its proxied bean.
	 */
	@State(Scope.Benchmark)
	public static class Beans {

		String argument = Settings.ARGUMENT;

		Service service;

		private ConfigurableApplicationContext context;

		@Setup(Level.Trial)
		public void start() {
			this.context = Contexts.start(Config.class, properties());
			Service service = this.context.getBean(Service.class);
			this.service = service;
			io.github.resilience4j.retry.Retry retry = this.context.getBean(RetryRegistry.class)
				.retry(Settings.INSTANCE);
			io.github.resilience4j.circuitbreaker.CircuitBreaker breaker = this.context
				.getBean(CircuitBreakerRegistry.class)
				.circuitBreaker(Settings.INSTANCE);
			io.github.resilience4j.ratelimiter.RateLimiter limiter = this.context.getBean(RateLimiterRegistry.class)
				.rateLimiter(Settings.INSTANCE);
			io.github.resilience4j.bulkhead.Bulkhead bulkhead = this.context.getBean(BulkheadRegistry.class)
				.bulkhead(Settings.INSTANCE);
			checkConfig(retry, breaker, limiter, bulkhead);
			LongSupplier retries = () -> retry.getMetrics().getNumberOfSuccessfulCallsWithoutRetryAttempt();
			LongSupplier breakerCalls = () -> breaker.getMetrics().getNumberOfSuccessfulCalls();
			// permits taken this period; a new period makes the check try again
			LongSupplier permitsTaken = () -> -limiter.getMetrics().getAvailablePermissions();
			String argument = this.argument;
			String slotTaken = String.valueOf(Settings.BULKHEAD_MAX_CONCURRENT_CALLS - 1);

			Checks.advised(service, "retry", "RetryAspect");
			Checks.grows("@Retry", argument, () -> service.retry(argument), retries);
			Checks.advised(service, "circuitBreaker", "CircuitBreakerAspect");
			Checks.grows("@CircuitBreaker", argument, () -> service.circuitBreaker(argument), breakerCalls);
			Checks.advised(service, "rateLimiter", "RateLimiterAspect");
			Checks.growsInOneOf(3, "@RateLimiter", argument, () -> service.rateLimiter(argument), permitsTaken);
			Checks.advised(service, "bulkhead", "BulkheadAspect");
			Checks.equal("free slots inside @Bulkhead", slotTaken,
					service.inBulkhead(() -> String.valueOf(bulkhead.getMetrics().getAvailableConcurrentCalls())));
			Checks.advised(service, "retryCircuitBreaker", "RetryAspect", "CircuitBreakerAspect");
			Checks.grows("@Retry @CircuitBreaker", argument, () -> service.retryCircuitBreaker(argument), retries,
					breakerCalls);
			Checks.advised(service, "stacked", "RetryAspect", "CircuitBreakerAspect", "RateLimiterAspect",
					"BulkheadAspect");
			Checks.growsInOneOf(3, "the four stacked", argument, () -> service.stacked(argument), retries, breakerCalls,
					permitsTaken);
			Checks.equal("time limiter timeoutDuration", Duration.ofSeconds(Settings.TIME_LIMIT_SECONDS),
					this.context.getBean(TimeLimiterRegistry.class)
						.timeLimiter(Settings.INSTANCE)
						.getTimeLimiterConfig()
						.getTimeoutDuration());
			Checks.advised(service, "timeLimitedAsync", "TimeLimiterAspect");
			Checks.equal("@TimeLimiter's result", argument, service.timeLimitedAsync(argument).join());
		}

		@TearDown(Level.Trial)
		public void stop() {
			this.context.close();
		}

		private static String[] properties() {
			String retry = "resilience4j.retry.instances." + Settings.INSTANCE + ".";
			String breaker = "resilience4j.circuitbreaker.instances." + Settings.INSTANCE + ".";
			String limiter = "resilience4j.ratelimiter.instances." + Settings.INSTANCE + ".";
			String bulkhead = "resilience4j.bulkhead.instances." + Settings.INSTANCE + ".";
			String timeLimiter = "resilience4j.timelimiter.instances." + Settings.INSTANCE + ".";
			return new String[] { retry + "max-attempts=" + Settings.RETRY_MAX_ATTEMPTS,
					retry + "wait-duration=" + Settings.RETRY_WAIT_MILLIS + "ms",
					breaker + "sliding-window-type=COUNT_BASED",
					breaker + "sliding-window-size=" + Settings.BREAKER_WINDOW_SIZE,
					breaker + "minimum-number-of-calls=" + Settings.BREAKER_MINIMUM_CALLS,
					breaker + "failure-rate-threshold=" + Settings.BREAKER_FAILURE_THRESHOLD,
					breaker + "permitted-number-of-calls-in-half-open-state=" + Settings.BREAKER_HALF_OPEN_CALLS,
					breaker + "wait-duration-in-open-state=" + Settings.BREAKER_OPEN_WAIT_SECONDS + "s",
					limiter + "limit-for-period=" + Settings.RATE_LIMIT_PER_SECOND, limiter + "limit-refresh-period=1s",
					limiter + "timeout-duration=0",
					bulkhead + "max-concurrent-calls=" + Settings.BULKHEAD_MAX_CONCURRENT_CALLS,
					bulkhead + "max-wait-duration=0",
					timeLimiter + "timeout-duration=" + Settings.TIME_LIMIT_SECONDS + "s",
					timeLimiter + "cancel-running-future=true" };
		}

		private static void checkConfig(io.github.resilience4j.retry.Retry retry,
				io.github.resilience4j.circuitbreaker.CircuitBreaker breaker,
				io.github.resilience4j.ratelimiter.RateLimiter limiter,
				io.github.resilience4j.bulkhead.Bulkhead bulkhead) {
			Checks.equal("retry maxAttempts", Settings.RETRY_MAX_ATTEMPTS, retry.getRetryConfig().getMaxAttempts());
			CircuitBreakerConfig config = breaker.getCircuitBreakerConfig();
			Checks.equal("breaker slidingWindowType", CircuitBreakerConfig.SlidingWindowType.COUNT_BASED,
					config.getSlidingWindowType());
			Checks.equal("breaker slidingWindowSize", Settings.BREAKER_WINDOW_SIZE, config.getSlidingWindowSize());
			Checks.equal("breaker minimumNumberOfCalls", Settings.BREAKER_MINIMUM_CALLS,
					config.getMinimumNumberOfCalls());
			Checks.equal("breaker failureRateThreshold", (float) Settings.BREAKER_FAILURE_THRESHOLD,
					config.getFailureRateThreshold());
			Checks.equal("rate limiter limitForPeriod", Settings.RATE_LIMIT_PER_SECOND,
					limiter.getRateLimiterConfig().getLimitForPeriod());
			Checks.equal("rate limiter timeoutDuration", Duration.ZERO,
					limiter.getRateLimiterConfig().getTimeoutDuration());
			Checks.equal("bulkhead maxConcurrentCalls", Settings.BULKHEAD_MAX_CONCURRENT_CALLS,
					bulkhead.getBulkheadConfig().getMaxConcurrentCalls());
		}

	}

	/**
	 * Imports Resilience4j's auto-configuration of the patterns, and AspectJ
	 * auto-proxying, and nothing else.
	 */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ AopAutoConfiguration.class, RetryAutoConfiguration.class,
			CircuitBreakerAutoConfiguration.class, RateLimiterAutoConfiguration.class, BulkheadAutoConfiguration.class,
			TimeLimiterAutoConfiguration.class })
	public static class Config {

		@Bean
		Service service() {
			return new Service();
		}

	}

	/**
	 * The annotated bean: each benchmarked method returns its argument, or a future
	 * completed with it.
	 */
	public static class Service {

		private final CompletableFuture<String> done = CompletableFuture.completedFuture(Settings.ARGUMENT);

		@Retry(name = Settings.INSTANCE)
		public String retry(String value) {
			return value;
		}

		@CircuitBreaker(name = Settings.INSTANCE)
		public String circuitBreaker(String value) {
			return value;
		}

		@RateLimiter(name = Settings.INSTANCE)
		public String rateLimiter(String value) {
			return value;
		}

		@Bulkhead(name = Settings.INSTANCE)
		public String bulkhead(String value) {
			return value;
		}

		@Retry(name = Settings.INSTANCE)
		@CircuitBreaker(name = Settings.INSTANCE)
		public String retryCircuitBreaker(String value) {
			return value;
		}

		@Retry(name = Settings.INSTANCE)
		@CircuitBreaker(name = Settings.INSTANCE)
		@RateLimiter(name = Settings.INSTANCE)
		@Bulkhead(name = Settings.INSTANCE)
		public String stacked(String value) {
			return value;
		}

		/**
		 * Return a future completed with the argument; the same one every time, so that
		 * the method itself allocates nothing.
		 * @param value the argument
		 * @return the future
		 */
		@TimeLimiter(name = Settings.INSTANCE)
		public CompletableFuture<String> timeLimitedAsync(String value) {
			return this.done;
		}

		/**
		 * Run a probe while holding a slot of the same bulkhead, to check from inside
		 * that the bulkhead is applied.
		 * @param probe what to run
		 * @return what it returned
		 */
		@Bulkhead(name = Settings.INSTANCE)
		public String inBulkhead(Supplier<String> probe) {
			return probe.get();
		}

	}

}
