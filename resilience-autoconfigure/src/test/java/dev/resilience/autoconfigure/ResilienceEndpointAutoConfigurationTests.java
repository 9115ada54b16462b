package dev.resilience.autoconfigure;

import java.util.List;
import java.util.Map;

import dev.resilience.actuate.BulkheadKind;
import dev.resilience.actuate.CircuitBreakerKind;
import dev.resilience.actuate.RateLimiterKind;
import dev.resilience.actuate.ResilienceEndpoint;
import dev.resilience.actuate.RetryKind;
import dev.resilience.actuate.SagaKind;
import dev.resilience.actuate.TimeLimiterKind;
import dev.resilience.annotation.Saga;
import dev.resilience.bulkhead.BulkheadRegistry;
import dev.resilience.circuitbreaker.CircuitBreakerRegistry;
import dev.resilience.ratelimiter.RateLimiterRegistry;
import dev.resilience.retry.RetryRegistry;
import dev.resilience.saga.InMemorySagaStore;
import dev.resilience.saga.SagaCoordinator;
import dev.resilience.timelimiter.TimeLimiterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ResilienceEndpointAutoConfiguration}.
 *
 * @author Resilience
 */
class ResilienceEndpointAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ResilienceEndpointAutoConfiguration.class))
		.withBean(CircuitBreakerRegistry.class, CircuitBreakerRegistry::ofDefaults)
		.withBean(RetryRegistry.class, RetryRegistry::ofDefaults)
		.withBean(RateLimiterRegistry.class, RateLimiterRegistry::ofDefaults)
		.withBean(BulkheadRegistry.class, BulkheadRegistry::ofDefaults)
		.withBean(TimeLimiterRegistry.class, TimeLimiterRegistry::ofDefaults)
		.withPropertyValues("management.endpoints.web.exposure.include=resilience");

	@Test
	void definesEndpointWithKindOfEachRegistry() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(ResilienceEndpoint.class)
				.hasSingleBean(CircuitBreakerKind.class)
				.hasSingleBean(RetryKind.class)
				.hasSingleBean(RateLimiterKind.class)
				.hasSingleBean(BulkheadKind.class)
				.hasSingleBean(TimeLimiterKind.class);
			context.getBean(CircuitBreakerRegistry.class).get("inventory");
			context.getBean(RateLimiterRegistry.class).get("search");
			context.getBean(BulkheadRegistry.class).get("reports");
			context.getBean(TimeLimiterRegistry.class).get("pricing");
			Map<String, Object> summary = context.getBean(ResilienceEndpoint.class).resilience();
			assertThat(summary.get("circuitBreakers")).isInstanceOfSatisfying(Map.class,
					(instances) -> assertThat(instances).containsOnlyKeys("inventory"));
			assertThat(summary.get("rateLimiters")).isInstanceOfSatisfying(Map.class,
					(instances) -> assertThat(instances).containsOnlyKeys("search"));
			assertThat(summary.get("bulkheads")).isInstanceOfSatisfying(Map.class,
					(instances) -> assertThat(instances).containsOnlyKeys("reports"));
			assertThat(summary.get("timeLimiters")).isInstanceOfSatisfying(Map.class,
					(instances) -> assertThat(instances).containsOnlyKeys("pricing"));
		});
	}

	@Test
	void definesNoKindForMissingRegistry() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ResilienceEndpointAutoConfiguration.class))
			.withBean(RetryRegistry.class, RetryRegistry::ofDefaults)
			.withPropertyValues("management.endpoints.web.exposure.include=resilience")
			.run((context) -> assertThat(context).hasSingleBean(ResilienceEndpoint.class)
				.hasSingleBean(RetryKind.class)
				.doesNotHaveBean(CircuitBreakerKind.class)
				.doesNotHaveBean(RateLimiterKind.class)
				.doesNotHaveBean(BulkheadKind.class)
				.doesNotHaveBean(TimeLimiterKind.class));
	}

	@Test
	void definesNoSagaKindForAnApplicationWithoutSagas() {
		this.contextRunner
			.withBean(SagaCoordinator.class, () -> SagaCoordinator.builder(new InMemorySagaStore()).build())
			.run((context) -> assertThat(context).hasSingleBean(ResilienceEndpoint.class)
				.doesNotHaveBean(SagaKind.class));
	}

	@Test
	void definesSagaKindForAnApplicationWithSagas() {
		this.contextRunner
			.withBean(SagaCoordinator.class, () -> SagaCoordinator.builder(new InMemorySagaStore()).build())
			.withBean(Orders.class)
			.run((context) -> assertThat(context).hasSingleBean(SagaKind.class));
	}

	@Test
	void backsOffWhenUserDefinesEndpointAndKinds() {
		this.contextRunner.withUserConfiguration(UserEndpointConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(ResilienceEndpoint.class)
				.hasSingleBean(CircuitBreakerKind.class)
				.hasSingleBean(RetryKind.class)
				.hasSingleBean(RateLimiterKind.class)
				.hasSingleBean(BulkheadKind.class)
				.hasSingleBean(TimeLimiterKind.class);
			assertThat(context).getBean(ResilienceEndpoint.class).isSameAs(context.getBean("userEndpoint"));
			assertThat(context).getBean(CircuitBreakerKind.class).isSameAs(context.getBean("userCircuitBreakerKind"));
			assertThat(context).getBean(RetryKind.class).isSameAs(context.getBean("userRetryKind"));
			assertThat(context).getBean(RateLimiterKind.class).isSameAs(context.getBean("userRateLimiterKind"));
			assertThat(context).getBean(BulkheadKind.class).isSameAs(context.getBean("userBulkheadKind"));
			assertThat(context).getBean(TimeLimiterKind.class).isSameAs(context.getBean("userTimeLimiterKind"));
		});
	}

	@Test
	void isAbsentWhenEndpointIsNotExposed() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ResilienceEndpointAutoConfiguration.class))
			.withBean(CircuitBreakerRegistry.class, CircuitBreakerRegistry::ofDefaults)
			.run((context) -> assertThat(context).doesNotHaveBean(ResilienceEndpoint.class)
				.doesNotHaveBean(CircuitBreakerKind.class));
	}

	@Test
	void isAbsentWhenEndpointAccessIsNone() {
		this.contextRunner.withPropertyValues("management.endpoint.resilience.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(ResilienceEndpoint.class));
	}

	@Test
	void isAbsentWhenResilienceIsDisabled() {
		this.contextRunner.withPropertyValues("resilience.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ResilienceEndpoint.class)
				.doesNotHaveBean(CircuitBreakerKind.class)
				.doesNotHaveBean(RetryKind.class)
				.doesNotHaveBean(RateLimiterKind.class)
				.doesNotHaveBean(BulkheadKind.class)
				.doesNotHaveBean(TimeLimiterKind.class));
	}

	@Test
	void isAbsentWithoutActuator() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ResilienceEndpoint.class));
	}

	@Test
	void isAbsentWithoutActuatorAutoConfiguration() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(ConditionalOnAvailableEndpoint.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ResilienceEndpoint.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserEndpointConfiguration {

		@Bean
		ResilienceEndpoint userEndpoint(CircuitBreakerKind circuitBreakerKind) {
			return new ResilienceEndpoint(List.of(circuitBreakerKind));
		}

		@Bean
		CircuitBreakerKind userCircuitBreakerKind(CircuitBreakerRegistry circuitBreakerRegistry) {
			return new CircuitBreakerKind(circuitBreakerRegistry);
		}

		@Bean
		RetryKind userRetryKind(RetryRegistry retryRegistry) {
			return new RetryKind(retryRegistry);
		}

		@Bean
		RateLimiterKind userRateLimiterKind(RateLimiterRegistry rateLimiterRegistry) {
			return new RateLimiterKind(rateLimiterRegistry);
		}

		@Bean
		BulkheadKind userBulkheadKind(BulkheadRegistry bulkheadRegistry) {
			return new BulkheadKind(bulkheadRegistry);
		}

		@Bean
		TimeLimiterKind userTimeLimiterKind(TimeLimiterRegistry timeLimiterRegistry) {
			return new TimeLimiterKind(timeLimiterRegistry);
		}

	}

	static class Orders {

		@Saga(name = "place-order")
		public String place(String sku) {
			return sku;
		}

	}

}
