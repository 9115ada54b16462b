package dev.resilience.benchmarks.proxy;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.resilience.benchmarks.Checks;
import dev.resilience.benchmarks.Contexts;
import dev.resilience.benchmarks.Settings;
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
import org.springframework.resilience.annotation.ConcurrencyLimit;
import org.springframework.resilience.annotation.EnableResilientMethods;
import org.springframework.resilience.annotation.Retryable;

/**
 * Spring Framework's own {@code @Retryable} and {@code @ConcurrencyLimit}, enabled by
 * {@code @EnableResilientMethods} and nothing else, with the same retry settings and a
 * limit as large as the bulkheads'.
 *
 * @author Resilience
 * @since 0.1.0
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SpringAnnotations {

	@Benchmark
	public void retryable(Beans beans, Blackhole blackhole) {
		blackhole.consume(beans.service.retryable(beans.argument));
	}

	@Benchmark
	public void concurrencyLimit(Beans beans, Blackhole blackhole) {
		blackhole.consume(beans.service.concurrencyLimit(beans.argument));
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
			this.context = Contexts.start(Config.class);
			Service service = this.context.getBean(Service.class);
			this.service = service;
			Checks.advised(service, "retryable", "RetryAnnotationInterceptor");
			Checks.equal("@Retryable's result", this.argument, service.retryable(this.argument));
			AtomicInteger attempts = new AtomicInteger();
			Checks.equal("a retried call's result", "2", service.failsOnce(attempts));
			Checks.advised(service, "concurrencyLimit", "ConcurrencyLimitInterceptor");
			Checks.equal("@ConcurrencyLimit's result", this.argument, service.concurrencyLimit(this.argument));
		}

		@TearDown(Level.Trial)
		public void stop() {
			this.context.close();
		}

	}

	/**
	 * Enables Spring's resilient methods and nothing else.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableResilientMethods
	public static class Config {

		@Bean
		Service service() {
			return new Service();
		}

	}

	/**
	 * The annotated bean: each benchmarked method returns its argument.
	 */
	public static class Service {

		@Retryable(maxRetries = Settings.RETRY_MAX_ATTEMPTS - 1, delay = Settings.RETRY_WAIT_MILLIS)
		public String retryable(String value) {
			return value;
		}

		@ConcurrencyLimit(Settings.BULKHEAD_MAX_CONCURRENT_CALLS)
		public String concurrencyLimit(String value) {
			return value;
		}

		/**
		 * Fail the first attempt, to check that {@code @Retryable} retries.
		 * @param attempts counts the attempts
		 * @return the number of the attempt that succeeded
		 */
		@Retryable(maxRetries = Settings.RETRY_MAX_ATTEMPTS - 1, delay = 0)
		public String failsOnce(AtomicInteger attempts) {
			int attempt = attempts.incrementAndGet();
			if (attempt == 1) {
				throw new IllegalStateException("first attempt fails");
			}
			return String.valueOf(attempt);
		}

	}

}
