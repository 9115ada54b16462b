package dev.resilience.autoconfigure;

import java.time.Duration;
import java.time.Instant;

import dev.resilience.bulkhead.Bulkhead;
import dev.resilience.bulkhead.BulkheadRegistry;
import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerRegistry;
import dev.resilience.core.ResilienceEvent;
import dev.resilience.ratelimiter.RateLimiter;
import dev.resilience.ratelimiter.RateLimiterRegistry;
import dev.resilience.testsupport.ManualTimeSource;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the clock of the engines {@link ResilienceAutoConfiguration} configures.
 *
 * @author Resilience
 */
class ResilienceTimeSourceTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ResilienceAutoConfiguration.class))
		.withPropertyValues("resilience.circuit-breaker.instances.inventory.minimum-number-of-calls=1",
				"resilience.circuit-breaker.instances.inventory.sliding-window-size=1",
				"resilience.circuit-breaker.instances.inventory.wait-duration-in-open-state=1h",
				"resilience.rate-limiter.instances.search.limit=1",
				"resilience.rate-limiter.instances.search.period=1h",
				"resilience.rate-limiter.instances.search.burst=1",
				"resilience.rate-limiter.instances.search.timeout=0s",
				"resilience.bulkhead.instances.reports.max-concurrent-calls=1",
				"resilience.bulkhead.instances.reports.max-wait-duration=0s");

	@Test
	void enginesReadTheApplicationsTimeSource() {
		this.runner.withUserConfiguration(ManualTimeSourceConfiguration.class).run((context) -> {
			ManualTimeSource clock = context.getBean(ManualTimeSource.class);
			CircuitBreaker breaker = context.getBean(CircuitBreakerRegistry.class).get("inventory");
			breaker.acquirePermission();
			breaker.onError(0, new IllegalStateException("down"));
			assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
			assertThat(breaker.events().recent()).extracting(ResilienceEvent::timestamp).containsOnly(clock.now());
			RateLimiter limiter = context.getBean(RateLimiterRegistry.class).get("search");
			assertThat(limiter.reserve(RateLimiter.DEFAULT_KEY, 0)).isZero();
			assertThat(limiter.reserve(RateLimiter.DEFAULT_KEY, 0)).isEqualTo(RateLimiter.NO_PERMIT);
			Bulkhead bulkhead = context.getBean(BulkheadRegistry.class).get("reports");
			assertThat(bulkhead.tryAcquirePermission()).isTrue();
			assertThat(bulkhead.tryAcquirePermission()).isFalse();
			assertThat(bulkhead.events().recent()).extracting(ResilienceEvent::timestamp).containsOnly(clock.now());
			clock.advance(Duration.ofHours(1));
			assertThat(breaker.tryAcquirePermission()).isTrue();
			assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
			assertThat(limiter.reserve(RateLimiter.DEFAULT_KEY, 0)).isZero();
		});
	}

	@Test
	void enginesReadTheSystemClockByDefault() {
		this.runner.run((context) -> {
			RateLimiter limiter = context.getBean(RateLimiterRegistry.class).get("search");
			Instant before = Instant.now();
			assertThat(limiter.reserve(RateLimiter.DEFAULT_KEY, 0)).isZero();
			assertThat(limiter.reserve(RateLimiter.DEFAULT_KEY, 0)).isEqualTo(RateLimiter.NO_PERMIT);
			assertThat(limiter.events().recent()).isNotEmpty()
				.extracting(ResilienceEvent::timestamp)
				.allSatisfy((stamp) -> assertThat(stamp).isBetween(before, Instant.now()));
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class ManualTimeSourceConfiguration {

		@Bean
		ManualTimeSource manualTimeSource() {
			return new ManualTimeSource();
		}

	}

}
