package dev.resilience.autoconfigure;

import java.io.IOException;
import java.time.Duration;

import java.util.concurrent.ExecutorService;

import dev.resilience.aop.BulkheadBinding;
import dev.resilience.aop.CircuitBreakerBinding;
import dev.resilience.aop.RateLimitedBinding;
import dev.resilience.aop.TimeLimitedBinding;
import dev.resilience.bulkhead.BulkheadConfig;
import dev.resilience.bulkhead.BulkheadRegistry;
import dev.resilience.ratelimiter.RateLimiterAlgorithm;
import dev.resilience.ratelimiter.RateLimiterConfig;
import dev.resilience.ratelimiter.RateLimiterRegistry;
import dev.resilience.timelimiter.TimeLimiterConfig;
import dev.resilience.timelimiter.TimeLimiterRegistry;
import dev.resilience.aop.ResilienceBeanPostProcessor;
import dev.resilience.aop.RetryBinding;
import dev.resilience.circuitbreaker.CircuitBreakerConfig;
import dev.resilience.circuitbreaker.CircuitBreakerRegistry;
import dev.resilience.circuitbreaker.SlidingWindowType;
import dev.resilience.core.ErrorClassifier;
import dev.resilience.retry.Backoff;
import dev.resilience.retry.Retry;
import dev.resilience.retry.RetryRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ResilienceAutoConfiguration}.
 *
 * @author Resilience
 */
class ResilienceAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ResilienceAutoConfiguration.class));

	@Test
	void configuresRegistriesBindingsAndProxyingByDefault() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(RetryRegistry.class)
			.hasSingleBean(CircuitBreakerRegistry.class)
			.hasSingleBean(RetryBinding.class)
			.hasSingleBean(CircuitBreakerBinding.class)
			.hasSingleBean(ResilienceBeanPostProcessor.class));
	}

	@Test
	void configuresEveryPatternsRegistryAndBinding() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(RateLimiterRegistry.class)
			.hasSingleBean(BulkheadRegistry.class)
			.hasSingleBean(TimeLimiterRegistry.class)
			.hasSingleBean(RateLimitedBinding.class)
			.hasSingleBean(BulkheadBinding.class)
			.hasSingleBean(TimeLimitedBinding.class)
			.hasSingleBean(TimeLimiterExecutor.class)
			.doesNotHaveBean(java.util.concurrent.Executor.class));
	}

	@Test
	void mapsRateLimiterBulkheadAndTimeLimiterProperties() {
		this.runner
			.withPropertyValues("resilience.rate-limiter.defaults.algorithm=sliding-window",
					"resilience.rate-limiter.instances.search.limit=5",
					"resilience.rate-limiter.instances.search.period=10s",
					"resilience.bulkhead.instances.reports.max-concurrent-calls=2",
					"resilience.bulkhead.defaults.max-wait-duration=50ms",
					"resilience.time-limiter.instances.quotes.timeout=500ms",
					"resilience.time-limiter.defaults.cancel-running=false")
			.run((context) -> {
				RateLimiterConfig search = context.getBean(RateLimiterRegistry.class).get("search").config();
				assertThat(search.algorithm()).isEqualTo(RateLimiterAlgorithm.SLIDING_WINDOW);
				assertThat(search.limit()).isEqualTo(5);
				assertThat(search.period()).isEqualTo(Duration.ofSeconds(10));
				assertThat(search.burst()).isEqualTo(RateLimiterConfig.DEFAULT_BURST);
				BulkheadConfig reports = context.getBean(BulkheadRegistry.class).get("reports").config();
				assertThat(reports.maxConcurrentCalls()).isEqualTo(2);
				assertThat(reports.maxWaitDuration()).isEqualTo(Duration.ofMillis(50));
				TimeLimiterConfig quotes = context.getBean(TimeLimiterRegistry.class).get("quotes").config();
				assertThat(quotes.timeout()).isEqualTo(Duration.ofMillis(500));
				assertThat(quotes.cancelRunning()).isFalse();
			});
	}

	@Test
	void stopsTheTimeLimiterThreadsWithTheApplication() {
		this.runner.run((context) -> {
			ExecutorService executor = context.getBean(TimeLimiterExecutor.class).executor();
			context.close();
			assertThat(executor.isShutdown()).isTrue();
		});
	}

	@Test
	void configuresNothingWhenDisabled() {
		this.runner.withPropertyValues("resilience.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(RetryRegistry.class)
				.doesNotHaveBean(CircuitBreakerRegistry.class)
				.doesNotHaveBean(ResilienceBeanPostProcessor.class));
	}

	@Test
	void backsOffWhenUserDefinesRegistries() {
		this.runner.withUserConfiguration(UserRegistries.class).run((context) -> {
			assertThat(context).hasSingleBean(RetryRegistry.class).hasSingleBean(CircuitBreakerRegistry.class);
			assertThat(context.getBean(RetryRegistry.class)).isSameAs(UserRegistries.RETRY);
			assertThat(context.getBean(CircuitBreakerRegistry.class)).isSameAs(UserRegistries.CIRCUIT_BREAKER);
		});
	}

	@Test
	void createsConfiguredInstancesAtStartUp() {
		this.runner
			.withPropertyValues("resilience.retry.instances.inventory.max-attempts=5",
					"resilience.circuit-breaker.instances.payments.sliding-window-size=10")
			.run((context) -> {
				assertThat(context.getBean(RetryRegistry.class).find("inventory")).isPresent();
				assertThat(context.getBean(CircuitBreakerRegistry.class).find("payments")).isPresent();
			});
	}

	@Test
	void instancesInheritEveryUnsetKeyFromDefaults() {
		this.runner
			.withPropertyValues("resilience.retry.defaults.max-attempts=4", "resilience.retry.defaults.backoff=linear",
					"resilience.retry.defaults.retry-exceptions=java.io.IOException",
					"resilience.retry.instances.inventory.wait-duration=2s",
					"resilience.circuit-breaker.defaults.failure-rate-threshold=25",
					"resilience.circuit-breaker.instances.payments.sliding-window-type=time")
			.run((context) -> {
				Retry retry = context.getBean(RetryRegistry.class).get("inventory");
				assertThat(retry.config().maxAttempts()).isEqualTo(4);
				assertThat(retry.config().backoff()).isEqualTo(Backoff.LINEAR);
				assertThat(retry.config().waitDuration()).isEqualTo(Duration.ofSeconds(2));
				assertThat(retry.config().retryExceptions().types()).containsExactly(IOException.class);
				CircuitBreakerConfig breaker = context.getBean(CircuitBreakerRegistry.class).get("payments").config();
				assertThat(breaker.failureRateThreshold()).isEqualTo(25f);
				assertThat(breaker.slidingWindowType()).isEqualTo(SlidingWindowType.TIME);
				assertThat(breaker.slidingWindowSize()).isEqualTo(CircuitBreakerConfig.DEFAULT_SLIDING_WINDOW_SIZE);
			});
	}

	@Test
	void unnamedInstancesUseDefaults() {
		this.runner.withPropertyValues("resilience.retry.defaults.max-attempts=7")
			.run((context) -> assertThat(
					context.getBean(RetryRegistry.class).get("Other.method").config().maxAttempts())
				.isEqualTo(7));
	}

	@Test
	void usesTheApplicationsErrorClassifier() {
		this.runner.withBean(ErrorClassifier.class, () -> (failure) -> false)
			.withPropertyValues("resilience.retry.defaults.wait-duration=0ms")
			.run((context) -> {
				Retry retry = context.getBean(RetryRegistry.class).get("any");
				assertThat(retry.shouldRetry(new IOException("classified permanent by the user"))).isFalse();
			});
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
							resilience.retry.defaults.max-attempts=0                                   | resilience.retry.defaults.max-attempts           | 0    | at least 1
							resilience.retry.instances.inventory.max-attempts=-1                       | resilience.retry.instances.inventory.max-attempts | -1  | at least 1
							resilience.retry.defaults.wait-duration=-1s                                | resilience.retry.defaults.wait-duration          | PT-1S | must not be negative
							resilience.retry.defaults.max-wait-duration=-5ms                           | resilience.retry.defaults.max-wait-duration      | PT-0.005S | must not be negative
							resilience.retry.defaults.multiplier=0.5                                   | resilience.retry.defaults.multiplier             | 0.5  | at least 1
							resilience.retry.defaults.jitter=1.5                                       | resilience.retry.defaults.jitter                 | 1.5  | between 0 and 1
							resilience.retry.defaults.retry-exceptions=com.example.NoSuchException     | resilience.retry.defaults.retry-exceptions[0]    | com.example.NoSuchException | exception class
							resilience.retry.defaults.ignore-exceptions=java.lang.String               | resilience.retry.defaults.ignore-exceptions[0]   | java.lang.String | subclass of java.lang.Throwable
							resilience.circuit-breaker.defaults.failure-rate-threshold=150             | resilience.circuit-breaker.defaults.failure-rate-threshold | 150.0 | between 1 and 100
							resilience.circuit-breaker.instances.payments.failure-rate-threshold=0     | resilience.circuit-breaker.instances.payments.failure-rate-threshold | 0.0 | between 1 and 100
							resilience.circuit-breaker.defaults.slow-call-rate-threshold=101           | resilience.circuit-breaker.defaults.slow-call-rate-threshold | 101.0 | between 1 and 100
							resilience.circuit-breaker.defaults.sliding-window-size=0                  | resilience.circuit-breaker.defaults.sliding-window-size | 0 | at least 1
							resilience.circuit-breaker.defaults.minimum-number-of-calls=0              | resilience.circuit-breaker.defaults.minimum-number-of-calls | 0 | at least 1
							resilience.circuit-breaker.defaults.permitted-calls-in-half-open-state=0   | resilience.circuit-breaker.defaults.permitted-calls-in-half-open-state | 0 | at least 1
							resilience.circuit-breaker.defaults.slow-call-duration-threshold=0s        | resilience.circuit-breaker.defaults.slow-call-duration-threshold | PT0S | positive
							resilience.circuit-breaker.defaults.wait-duration-in-open-state=-1s        | resilience.circuit-breaker.defaults.wait-duration-in-open-state | PT-1S | must not be negative
							resilience.circuit-breaker.defaults.record-exceptions=nope.Missing         | resilience.circuit-breaker.defaults.record-exceptions[0] | nope.Missing | exception class
					resilience.rate-limiter.defaults.limit=0                                   | resilience.rate-limiter.defaults.limit           | 0    | at least 1
					resilience.rate-limiter.instances.search.burst=0                           | resilience.rate-limiter.instances.search.burst   | 0    | at least 1
					resilience.rate-limiter.defaults.period=0s                                 | resilience.rate-limiter.defaults.period          | PT0S | positive
					resilience.rate-limiter.defaults.timeout=-1s                               | resilience.rate-limiter.defaults.timeout         | PT-1S | must not be negative
					resilience.rate-limiter.defaults.max-keys=0                                | resilience.rate-limiter.defaults.max-keys        | 0    | at least 1
					resilience.bulkhead.defaults.max-concurrent-calls=0                        | resilience.bulkhead.defaults.max-concurrent-calls | 0   | at least 1
					resilience.bulkhead.instances.reports.max-wait-duration=-1ms               | resilience.bulkhead.instances.reports.max-wait-duration | PT-0.001S | must not be negative
					resilience.time-limiter.defaults.timeout=0ms                               | resilience.time-limiter.defaults.timeout         | PT0S | positive
							""")
	void failsOnInvalidValueNamingPropertyValueAndRange(String property, String name, String value, String reason) {
		this.runner.withPropertyValues(property).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.satisfies((failure) -> {
					InvalidConfigurationPropertyValueException invalid = (InvalidConfigurationPropertyValueException) failure;
					assertThat(invalid.getName()).isEqualTo(name);
					assertThat(String.valueOf(invalid.getValue())).isEqualTo(value);
					assertThat(invalid.getReason()).contains(reason);
				});
		});
	}

	@ParameterizedTest
	@CsvSource({ "resilience.retry.defaults.backoff=sideways, resilience.retry.defaults.backoff",
			"resilience.circuit-breaker.defaults.sliding-window-type=forever, resilience.circuit-breaker.defaults.sliding-window-type",
			"resilience.retry.instances.inventory.max-attempts=many, resilience.retry.instances.inventory.max-attempts",
			"resilience.rate-limiter.defaults.algorithm=leaky, resilience.rate-limiter.defaults.algorithm",
			"resilience.time-limiter.defaults.cancel-running=maybe, resilience.time-limiter.defaults.cancel-running" })
	void failsOnUnconvertibleValueNamingTheProperty(String property, String name) {
		this.runner.withPropertyValues(property).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining(BindException.class.getName())
				.hasStackTraceContaining("Failed to bind properties under '" + name + "'");
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserRegistries {

		static final RetryRegistry RETRY = RetryRegistry.ofDefaults();

		static final CircuitBreakerRegistry CIRCUIT_BREAKER = CircuitBreakerRegistry.ofDefaults();

		@Bean
		RetryRegistry userRetryRegistry() {
			return RETRY;
		}

		@Bean
		CircuitBreakerRegistry userCircuitBreakerRegistry() {
			return CIRCUIT_BREAKER;
		}

	}

}
