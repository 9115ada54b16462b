package dev.resilience.autoconfigure;

import java.time.Duration;

import dev.resilience.aop.BeanCompensator;
import dev.resilience.aop.JacksonStepCodec;
import dev.resilience.aop.SagaBinding;
import dev.resilience.aop.SagaStepBinding;
import dev.resilience.saga.InMemorySagaStore;
import dev.resilience.saga.SagaCoordinator;
import dev.resilience.saga.SagaStore;
import dev.resilience.saga.SagaTemplate;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ResilienceSagaAutoConfiguration}.
 *
 * @author Resilience
 */
class ResilienceSagaAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ResilienceSagaAutoConfiguration.class));

	@Test
	void definesAnInMemorySagaSetUpWithTheDefaults() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(SagaTemplate.class)
				.hasSingleBean(SagaBinding.class)
				.hasSingleBean(SagaStepBinding.class)
				.hasSingleBean(JacksonStepCodec.class)
				.hasSingleBean(BeanCompensator.class);
			assertThat(context.getBean(SagaStore.class)).isInstanceOf(InMemorySagaStore.class);
			SagaCoordinator coordinator = context.getBean(SagaCoordinator.class);
			assertThat(coordinator.compensationRetry().maxAttempts()).isEqualTo(5);
			assertThat(coordinator.compensationRetry().waitDuration()).isEqualTo(Duration.ofSeconds(1));
			assertThat(coordinator.lease()).isEqualTo(Duration.ofMinutes(1));
			assertThat(coordinator.instanceId()).isNotEmpty();
		});
	}

	@Test
	void appliesTheConfiguredCompensationRetryAndLease() {
		this.runner
			.withPropertyValues("resilience.saga.store=memory", "resilience.saga.compensation-retry.max-attempts=7",
					"resilience.saga.compensation-retry.wait-duration=250ms", "resilience.saga.recovery.lease=2m")
			.run((context) -> {
				SagaCoordinator coordinator = context.getBean(SagaCoordinator.class);
				assertThat(coordinator.compensationRetry().maxAttempts()).isEqualTo(7);
				assertThat(coordinator.compensationRetry().waitDuration()).isEqualTo(Duration.ofMillis(250));
				assertThat(coordinator.lease()).isEqualTo(Duration.ofMinutes(2));
			});
	}

	@Test
	void jdbcStoreFailsTheStartNamingPropertyAndValue() {
		this.runner.withPropertyValues("resilience.saga.store=jdbc")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("resilience.saga.store")
				.hasMessageContaining("jdbc")
				.hasMessageContaining("only memory is available"));
	}

	@Test
	void invalidCompensationRetryFailsTheStartNamingTheProperty() {
		this.runner.withPropertyValues("resilience.saga.compensation-retry.max-attempts=0")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("resilience.saga.compensation-retry.max-attempts")
				.hasMessageContaining("must be at least 1"));
		this.runner.withPropertyValues("resilience.saga.recovery.lease=0s")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("resilience.saga.recovery.lease"));
	}

	@Test
	void applicationSagaStoreWins() {
		InMemorySagaStore store = new InMemorySagaStore();
		this.runner.withBean(SagaStore.class, () -> store)
			.run((context) -> assertThat(context.getBean(SagaCoordinator.class).store()).isSameAs(store));
	}

	@Test
	void nothingIsDefinedWhenResilienceIsDisabled() {
		this.runner.withPropertyValues("resilience.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SagaCoordinator.class)
				.doesNotHaveBean(SagaStore.class));
	}

}
