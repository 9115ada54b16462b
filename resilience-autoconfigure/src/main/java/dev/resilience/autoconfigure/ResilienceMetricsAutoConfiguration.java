package dev.resilience.autoconfigure;

import dev.resilience.actuate.CircuitBreakerMeterBinder;
import dev.resilience.actuate.RetryMeterBinder;
import dev.resilience.circuitbreaker.CircuitBreakerRegistry;
import dev.resilience.retry.RetryRegistry;
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
 * retry and circuit breaker. The {@link MeterBinder} beans it defines are bound to the
 * application's meter registry by Spring Boot's metrics auto-configuration.
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

}
