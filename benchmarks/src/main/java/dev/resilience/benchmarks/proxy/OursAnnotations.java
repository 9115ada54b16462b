package dev.resilience.benchmarks.proxy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import dev.resilience.annotation.Bulkhead;
import dev.resilience.annotation.CircuitBreaker;
import dev.resilience.annotation.RateLimited;
import dev.resilience.annotation.Retry;
import dev.resilience.annotation.TimeLimited;
import dev.resilience.autoconfigure.ResilienceAutoConfiguration;
import dev.resilience.benchmarks.Checks;
import dev.resilience.benchmarks.Contexts;
import dev.resilience.benchmarks.Settings;
import dev.resilience.bulkhead.BulkheadRegistry;
import dev.resilience.circuitbreaker.CircuitBreakerConfig;
import dev.resilience.circuitbreaker.CircuitBreakerRegistry;
import dev.resilience.circuitbreaker.SlidingWindowType;
import dev.resilience.ratelimiter.RateLimiterRegistry;
import dev.resilience.retry.RetryRegistry;
import dev.resilience.timelimiter.TimeLimiterRegistry;
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
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * This project's annotations on a bean of an application that imports only
 * {@link ResilienceAutoConfiguration}, called through the bean's proxy. A benchmark here
 * and its namesake in {@link Resilience4jAnnotations} measure the same pattern.
 *
 * @author Resilience
 * @since 0.1.0
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class OursAnnotations {

	private static final String INTERCEPTOR = "ResilienceInterceptor";

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
	public void retryCircuitBreaker(Beans beans, Blackhole blackhole) {
		blackhole.consume(beans.service.retryCircuitBreaker(beans.argument));
	}

	@Benchmark
	public void stacked(Beans beans, Blackhole blackhole) {
		blackhole.consume(beans.service.stacked(beans.argument));
	}

	@Benchmark
	public void timeLimitedAsync(Beans beans, Blackhole blackhole) {
		blackhole.consume(beans.service.timeLimitedAsync(beans.argument));
	}

	@Benchmark
	public void timeLimitedSync(Beans beans, Blackhole blackhole) {
		blackhole.consume(beans.service.timeLimitedSync(beans.argument));
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
			String name = Settings.INSTANCE;
			dev.resilience.retry.Retry retry = this.context.getBean(RetryRegistry.class).get(name);
			dev.resilience.circuitbreaker.CircuitBreaker breaker = this.context.getBean(CircuitBreakerRegistry.class)
				.get(name);
			dev.resilience.ratelimiter.RateLimiter limiter = this.context.getBean(RateLimiterRegistry.class).get(name);
			dev.resilience.bulkhead.Bulkhead bulkhead = this.context.getBean(BulkheadRegistry.class).get(name);
			dev.resilience.timelimiter.TimeLimiter timeLimiter = this.context.getBean(TimeLimiterRegistry.class)
				.get(name);
			checkConfig(retry.config(), breaker.config());
			Checks.equal("rate limiter limit", Settings.RATE_LIMIT_PER_SECOND, limiter.config().limit());
			Checks.equal("bulkhead maxConcurrentCalls", Settings.BULKHEAD_MAX_CONCURRENT_CALLS,
					bulkhead.config().maxConcurrentCalls());
			Checks.equal("time limiter timeout", Duration.ofSeconds(Settings.TIME_LIMIT_SECONDS),
					timeLimiter.config().timeout());
			LongSupplier retries = () -> retry.metrics().successWithoutRetry();
			LongSupplier breakerCalls = () -> breaker.metrics().successfulCalls();
			LongSupplier permits = () -> limiter.metrics().permittedCalls();
			LongSupplier slots = () -> bulkhead.metrics().permittedCalls();
			LongSupplier inTime = () -> timeLimiter.metrics().successfulCalls();
			String argument = this.argument;

			Checks.advised(service, "retry", INTERCEPTOR);
			Checks.grows("@Retry", argument, () -> service.retry(argument), retries);
			Checks.advised(service, "circuitBreaker", INTERCEPTOR);
			Checks.grows("@CircuitBreaker", argument, () -> service.circuitBreaker(argument), breakerCalls);
			Checks.advised(service, "rateLimiter", INTERCEPTOR);
			Checks.grows("@RateLimited", argument, () -> service.rateLimiter(argument), permits);
			Checks.advised(service, "bulkhead", INTERCEPTOR);
			Checks.grows("@Bulkhead", argument, () -> service.bulkhead(argument), slots);
			Checks.advised(service, "retryCircuitBreaker", INTERCEPTOR);
			Checks.grows("@Retry @CircuitBreaker", argument, () -> service.retryCircuitBreaker(argument), retries,
					breakerCalls);
			Checks.advised(service, "stacked", INTERCEPTOR);
			Checks.grows("the four stacked", argument, () -> service.stacked(argument), retries, breakerCalls, permits,
					slots);
			Checks.advised(service, "timeLimitedAsync", INTERCEPTOR);
			Checks.grows("@TimeLimited on a CompletableFuture", argument,
					() -> service.timeLimitedAsync(argument).join(), inTime);
			Checks.advised(service, "timeLimitedSync", INTERCEPTOR);
			Checks.grows("@TimeLimited on a String", argument, () -> service.timeLimitedSync(argument), inTime);
		}

		@TearDown(Level.Trial)
		public void stop() {
			this.context.close();
		}

		static String[] properties() {
			String retry = "resilience.retry.instances." + Settings.INSTANCE + ".";
			String breaker = "resilience.circuit-breaker.instances." + Settings.INSTANCE + ".";
			String limiter = "resilience.rate-limiter.instances." + Settings.INSTANCE + ".";
			String bulkhead = "resilience.bulkhead.instances." + Settings.INSTANCE + ".";
			String timeLimiter = "resilience.time-limiter.instances." + Settings.INSTANCE + ".";
			return new String[] { retry + "max-attempts=" + Settings.RETRY_MAX_ATTEMPTS,
					retry + "wait-duration=" + Settings.RETRY_WAIT_MILLIS + "ms", retry + "backoff=fixed",
					retry + "jitter=0", breaker + "sliding-window-type=count",
					breaker + "sliding-window-size=" + Settings.BREAKER_WINDOW_SIZE,
					breaker + "minimum-number-of-calls=" + Settings.BREAKER_MINIMUM_CALLS,
					breaker + "failure-rate-threshold=" + Settings.BREAKER_FAILURE_THRESHOLD,
					breaker + "permitted-calls-in-half-open-state=" + Settings.BREAKER_HALF_OPEN_CALLS,
					breaker + "wait-duration-in-open-state=" + Settings.BREAKER_OPEN_WAIT_SECONDS + "s",
					limiter + "algorithm=token-bucket", limiter + "limit=" + Settings.RATE_LIMIT_PER_SECOND,
					limiter + "burst=" + Settings.RATE_LIMIT_PER_SECOND, limiter + "period=1s", limiter + "timeout=0s",
					bulkhead + "max-concurrent-calls=" + Settings.BULKHEAD_MAX_CONCURRENT_CALLS,
					bulkhead + "max-wait-duration=0s", timeLimiter + "timeout=" + Settings.TIME_LIMIT_SECONDS + "s",
					timeLimiter + "cancel-running=true" };
		}

		private static void checkConfig(dev.resilience.retry.RetryConfig retry, CircuitBreakerConfig breaker) {
			Checks.equal("retry maxAttempts", Settings.RETRY_MAX_ATTEMPTS, retry.maxAttempts());
			Checks.equal("retry waitDuration", Duration.ofMillis(Settings.RETRY_WAIT_MILLIS), retry.waitDuration());
			Checks.equal("breaker slidingWindowType", SlidingWindowType.COUNT, breaker.slidingWindowType());
			Checks.equal("breaker slidingWindowSize", Settings.BREAKER_WINDOW_SIZE, breaker.slidingWindowSize());
			Checks.equal("breaker minimumNumberOfCalls", Settings.BREAKER_MINIMUM_CALLS,
					breaker.minimumNumberOfCalls());
			Checks.equal("breaker failureRateThreshold", (float) Settings.BREAKER_FAILURE_THRESHOLD,
					breaker.failureRateThreshold());
		}

	}

	/**
	 * Imports this project's auto-configuration and nothing else.
	 */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(ResilienceAutoConfiguration.class)
	public static class Config {

		@Bean
		Service service() {
			return new Service();
		}

	}

	/**
	 * The annotated bean: each method returns its argument, or a future completed with
	 * it.
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

		@RateLimited(name = Settings.INSTANCE)
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
		@RateLimited(name = Settings.INSTANCE)
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
		@TimeLimited(name = Settings.INSTANCE)
		public CompletableFuture<String> timeLimitedAsync(String value) {
			return this.done;
		}

		@TimeLimited(name = Settings.INSTANCE)
		public String timeLimitedSync(String value) {
			return value;
		}

	}

}
