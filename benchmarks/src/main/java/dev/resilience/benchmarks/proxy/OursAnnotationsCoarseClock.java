package dev.resilience.benchmarks.proxy;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

import dev.resilience.benchmarks.Checks;
import dev.resilience.benchmarks.Contexts;
import dev.resilience.benchmarks.Settings;
import dev.resilience.circuitbreaker.CircuitBreakerRegistry;
import dev.resilience.core.TimeSource;
import dev.resilience.ratelimiter.RateLimiterRegistry;
import dev.resilience.retry.RetryRegistry;
import dev.resilience.bulkhead.BulkheadRegistry;
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

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The beans of {@link OursAnnotations}, whose engines read a {@link TimeSource} bean that
 * costs almost nothing: a field a background thread sets to {@link System#nanoTime()}
 * every millisecond. Not a configuration this project ships; it tells how much of the
 * cost of the patterns that read the clock is the clock itself.
 *
 * @author Resilience
 * @since 0.1.0
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class OursAnnotationsCoarseClock {

	@Benchmark
	public void circuitBreaker(Beans beans, Blackhole blackhole) {
		blackhole.consume(beans.service.circuitBreaker(beans.argument));
	}

	@Benchmark
	public void rateLimiter(Beans beans, Blackhole blackhole) {
		blackhole.consume(beans.service.rateLimiter(beans.argument));
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

		OursAnnotations.Service service;

		private ConfigurableApplicationContext context;

		private CoarseTimeSource clock;

		@Setup(Level.Trial)
		public void start() {
			this.context = Contexts.start(Config.class, OursAnnotations.Beans.properties());
			OursAnnotations.Service service = this.context.getBean(OursAnnotations.Service.class);
			this.service = service;
			this.clock = this.context.getBean(CoarseTimeSource.class);
			String name = Settings.INSTANCE;
			dev.resilience.retry.Retry retry = this.context.getBean(RetryRegistry.class).get(name);
			dev.resilience.circuitbreaker.CircuitBreaker breaker = this.context.getBean(CircuitBreakerRegistry.class)
				.get(name);
			dev.resilience.ratelimiter.RateLimiter limiter = this.context.getBean(RateLimiterRegistry.class).get(name);
			dev.resilience.bulkhead.Bulkhead bulkhead = this.context.getBean(BulkheadRegistry.class).get(name);
			// the clock stands still until started, so the breaker must read exactly its
			// time
			Checks.equal("the breaker's clock", this.clock.nanoTime(), breaker.nanoTime());
			LongSupplier retries = () -> retry.metrics().successWithoutRetry();
			LongSupplier breakerCalls = () -> breaker.metrics().successfulCalls();
			LongSupplier permits = () -> limiter.metrics().permittedCalls();
			LongSupplier slots = () -> bulkhead.metrics().permittedCalls();
			String argument = this.argument;
			Checks.grows("@CircuitBreaker", argument, () -> service.circuitBreaker(argument), breakerCalls);
			Checks.grows("@RateLimited", argument, () -> service.rateLimiter(argument), permits);
			Checks.grows("the four stacked", argument, () -> service.stacked(argument), retries, breakerCalls, permits,
					slots);
			this.clock.start();
		}

		@TearDown(Level.Trial)
		public void stop() {
			this.clock.stop();
			this.context.close();
		}

	}

	/**
	 * The application of {@link OursAnnotations} with a coarse clock.
	 */
	@Configuration(proxyBeanMethods = false)
	@Import(OursAnnotations.Config.class)
	public static class Config {

		@Bean
		CoarseTimeSource coarseTimeSource() {
			return new CoarseTimeSource();
		}

	}

	/**
	 * A clock read from a field that a daemon thread updates every millisecond once
	 * started.
	 */
	static final class CoarseTimeSource implements TimeSource {

		private volatile long nanos = System.nanoTime();

		private volatile boolean running;

		private final Thread ticker = new Thread(this::tick, "coarse-clock");

		@Override
		public long nanoTime() {
			return this.nanos;
		}

		@Override
		public Instant now() {
			return Instant.now();
		}

		void start() {
			this.running = true;
			this.ticker.setDaemon(true);
			this.ticker.start();
		}

		void stop() {
			this.running = false;
		}

		private void tick() {
			while (this.running) {
				LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
				this.nanos = System.nanoTime();
			}
		}

	}

}
