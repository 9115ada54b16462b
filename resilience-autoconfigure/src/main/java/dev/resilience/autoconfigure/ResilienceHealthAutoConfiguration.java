package dev.resilience.autoconfigure;

import dev.resilience.actuate.ResilienceHealthIndicator;
import dev.resilience.circuitbreaker.CircuitBreakerRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@code resilience} health
 * contributor, {@link ResilienceHealthIndicator}. Turned off with
 * {@code management.health.resilience.enabled=false}.
 *
 * @author Resilience
 * @since 0.1.0
 */
@AutoConfiguration(after = ResilienceAutoConfiguration.class,
		beforeName = "org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration")
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBooleanProperty(name = "resilience.enabled", matchIfMissing = true)
@ConditionalOnEnabledHealthIndicator("resilience")
@ConditionalOnBean(CircuitBreakerRegistry.class)
public final class ResilienceHealthAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(value = ResilienceHealthIndicator.class, name = "resilienceHealthIndicator")
	ResilienceHealthIndicator resilienceHealthIndicator(CircuitBreakerRegistry circuitBreakerRegistry) {
		return new ResilienceHealthIndicator(circuitBreakerRegistry);
	}

}
