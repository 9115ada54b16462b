package dev.resilience.autoconfigure;

import dev.resilience.actuate.BulkheadMeterBinder;
import dev.resilience.actuate.CircuitBreakerMeterBinder;
import dev.resilience.actuate.RateLimiterMeterBinder;
import dev.resilience.actuate.RetryMeterBinder;
import dev.resilience.actuate.SagaMeterBinder;
import dev.resilience.actuate.TimeLimiterMeterBinder;
import dev.resilience.bulkhead.BulkheadRegistry;
import dev.resilience.circuitbreaker.CircuitBreakerRegistry;
import dev.resilience.ratelimiter.RateLimiterRegistry;
import dev.resilience.retry.RetryRegistry;
import dev.resilience.saga.SagaCoordinator;
import dev.resilience.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the Micrometer meters of every
 * retry, circuit breaker, rate limiter, bulkhead, time limiter and saga type. The
 * {@link MeterBinder} beans it defines are bound to the application's meter registry by
 * Spring Boot's metrics auto-configuration. The rate limiters' binder also logs a warning
 * the first time a rate limiter cannot track a new key.
 *
 * @author Resilience
 * @since 0.1.0
 */
@AutoConfiguration(after = ResilienceAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass({ MeterRegistry.class, MeterBinder.class })
@ConditionalOnBooleanProperty(name = "resilience.enabled", matchIfMissing = true)
@ConditionalOnBean(MeterRegistry.class)
public final class ResilienceMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(CircuitBreakerRegistry.class)
	CircuitBreakerMeterBinder circuitBreakerMeterBinder(CircuitBreakerRegistry circuitBreakerRegistry) {
		return new CircuitBreakerMeterBinder(circuitBreakerRegistry);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(RetryRegistry.class)
	RetryMeterBinder retryMeterBinder(RetryRegistry retryRegistry) {
		return new RetryMeterBinder(retryRegistry);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(RateLimiterRegistry.class)
	RateLimiterMeterBinder rateLimiterMeterBinder(RateLimiterRegistry rateLimiterRegistry) {
		return new RateLimiterMeterBinder(rateLimiterRegistry);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(BulkheadRegistry.class)
	BulkheadMeterBinder bulkheadMeterBinder(BulkheadRegistry bulkheadRegistry) {
		return new BulkheadMeterBinder(bulkheadRegistry);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(TimeLimiterRegistry.class)
	TimeLimiterMeterBinder timeLimiterMeterBinder(TimeLimiterRegistry timeLimiterRegistry) {
		return new TimeLimiterMeterBinder(timeLimiterRegistry);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(SagaCoordinator.class)
	SagaMeterBinder sagaMeterBinder(SagaCoordinator sagaCoordinator) {
		return new SagaMeterBinder(sagaCoordinator);
	}

}
