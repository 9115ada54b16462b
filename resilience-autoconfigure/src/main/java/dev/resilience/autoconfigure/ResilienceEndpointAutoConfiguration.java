package dev.resilience.autoconfigure;

import dev.resilience.actuate.BulkheadKind;
import dev.resilience.actuate.CircuitBreakerKind;
import dev.resilience.actuate.RateLimiterKind;
import dev.resilience.actuate.ResilienceEndpoint;
import dev.resilience.actuate.ResilienceKind;
import dev.resilience.actuate.RetryKind;
import dev.resilience.actuate.SagaKind;
import dev.resilience.actuate.TimeLimiterKind;
import dev.resilience.bulkhead.BulkheadRegistry;
import dev.resilience.circuitbreaker.CircuitBreakerRegistry;
import dev.resilience.ratelimiter.RateLimiterRegistry;
import dev.resilience.retry.RetryRegistry;
import dev.resilience.saga.SagaCoordinator;
import dev.resilience.timelimiter.TimeLimiterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@link ResilienceEndpoint}
 * and the {@link ResilienceKind kinds} it shows.
 *
 * @author Resilience
 * @since 0.1.0
 */
@AutoConfiguration(after = ResilienceAutoConfiguration.class)
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnBooleanProperty(name = "resilience.enabled", matchIfMissing = true)
@ConditionalOnAvailableEndpoint(ResilienceEndpoint.class)
public final class ResilienceEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ResilienceEndpoint resilienceEndpoint(ObjectProvider<ResilienceKind> kinds) {
		return new ResilienceEndpoint(kinds.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(CircuitBreakerRegistry.class)
	CircuitBreakerKind circuitBreakerKind(CircuitBreakerRegistry circuitBreakerRegistry) {
		return new CircuitBreakerKind(circuitBreakerRegistry);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(RetryRegistry.class)
	RetryKind retryKind(RetryRegistry retryRegistry) {
		return new RetryKind(retryRegistry);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(RateLimiterRegistry.class)
	RateLimiterKind rateLimiterKind(RateLimiterRegistry rateLimiterRegistry) {
		return new RateLimiterKind(rateLimiterRegistry);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(BulkheadRegistry.class)
	BulkheadKind bulkheadKind(BulkheadRegistry bulkheadRegistry) {
		return new BulkheadKind(bulkheadRegistry);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(TimeLimiterRegistry.class)
	TimeLimiterKind timeLimiterKind(TimeLimiterRegistry timeLimiterRegistry) {
		return new TimeLimiterKind(timeLimiterRegistry);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(SagaCoordinator.class)
	@Conditional(OnSagasCondition.class)
	SagaKind sagaKind(SagaCoordinator sagaCoordinator) {
		return new SagaKind(sagaCoordinator);
	}

}
