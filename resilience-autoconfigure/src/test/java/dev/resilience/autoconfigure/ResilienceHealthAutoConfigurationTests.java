package dev.resilience.autoconfigure;

import dev.resilience.actuate.ResilienceHealthIndicator;
import dev.resilience.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ResilienceHealthAutoConfiguration}.
 *
 * @author Resilience
 */
class ResilienceHealthAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ResilienceHealthAutoConfiguration.class))
		.withBean(CircuitBreakerRegistry.class, CircuitBreakerRegistry::ofDefaults);

	@Test
	void definesIndicatorNamedForResilienceContributor() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(ResilienceHealthIndicator.class);
			assertThat(context).hasBean("resilienceHealthIndicator");
		});
	}

	@Test
	void backsOffWhenUserDefinesIndicatorOfSameName() {
		this.contextRunner.withUserConfiguration(UserIndicatorConfiguration.class).run((context) -> {
			assertThat(context).doesNotHaveBean(ResilienceHealthIndicator.class);
			assertThat(context.getBean("resilienceHealthIndicator", HealthIndicator.class).health())
				.isEqualTo(Health.up().build());
		});
	}

	@Test
	void backsOffWhenUserDefinesIndicatorOfSameType() {
		this.contextRunner.withBean("customIndicator", ResilienceHealthIndicator.class).run((context) -> {
			assertThat(context).hasSingleBean(ResilienceHealthIndicator.class);
			assertThat(context).hasBean("customIndicator").doesNotHaveBean("resilienceHealthIndicator");
		});
	}

	@Test
	void isAbsentWithoutCircuitBreakerRegistry() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ResilienceHealthAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ResilienceHealthIndicator.class));
	}

	@Test
	void isAbsentWhenHealthIndicatorIsDisabled() {
		this.contextRunner.withPropertyValues("management.health.resilience.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ResilienceHealthIndicator.class));
	}

	@Test
	void isAbsentWhenResilienceIsDisabled() {
		this.contextRunner.withPropertyValues("resilience.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ResilienceHealthIndicator.class));
	}

	@Test
	void isAbsentWithoutSpringBootHealth() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ResilienceHealthIndicator.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserIndicatorConfiguration {

		@Bean
		HealthIndicator resilienceHealthIndicator() {
			return () -> Health.up().build();
		}

	}

}
