package dev.resilience.autoconfigure;

import dev.resilience.actuate.BulkheadMeterBinder;
import dev.resilience.actuate.CircuitBreakerMeterBinder;
import dev.resilience.actuate.RateLimiterMeterBinder;
import dev.resilience.actuate.RetryMeterBinder;
import dev.resilience.actuate.TimeLimiterMeterBinder;
import dev.resilience.bulkhead.BulkheadRegistry;
import dev.resilience.circuitbreaker.CircuitBreakerRegistry;
import dev.resilience.ratelimiter.RateLimiterRegistry;
import dev.resilience.retry.RetryRegistry;
import dev.resilience.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ResilienceMetricsAutoConfiguration}.
 *
 * @author Resilience
 */
class ResilienceMetricsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ResilienceMetricsAutoConfiguration.class))
		.withBean(SimpleMeterRegistry.class)
		.withBean(CircuitBreakerRegistry.class, CircuitBreakerRegistry::ofDefaults)
		.withBean(RetryRegistry.class, RetryRegistry::ofDefaults)
		.withBean(RateLimiterRegistry.class, RateLimiterRegistry::ofDefaults)
		.withBean(BulkheadRegistry.class, BulkheadRegistry::ofDefaults)
		.withBean(TimeLimiterRegistry.class, TimeLimiterRegistry::ofDefaults);

	@Test
	void definesMeterBinderForEachRegistry() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(CircuitBreakerMeterBinder.class)
			.hasSingleBean(RetryMeterBinder.class)
			.hasSingleBean(RateLimiterMeterBinder.class)
			.hasSingleBean(BulkheadMeterBinder.class)
			.hasSingleBean(TimeLimiterMeterBinder.class));
	}

	@Test
	void metersAreBoundByBootMetricsAutoConfiguration() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
							CompositeMeterRegistryAutoConfiguration.class, ResilienceMetricsAutoConfiguration.class))
			.withBean(CircuitBreakerRegistry.class, CircuitBreakerRegistry::ofDefaults)
			.withBean(RetryRegistry.class, RetryRegistry::ofDefaults)
			.withBean(RateLimiterRegistry.class, RateLimiterRegistry::ofDefaults)
			.withBean(BulkheadRegistry.class, BulkheadRegistry::ofDefaults)
			.withBean(TimeLimiterRegistry.class, TimeLimiterRegistry::ofDefaults)
			.run((context) -> {
				context.getBean(CircuitBreakerRegistry.class).get("inventory");
				context.getBean(RetryRegistry.class).get("inventory");
				context.getBean(RateLimiterRegistry.class).get("inventory");
				context.getBean(BulkheadRegistry.class).get("inventory");
				context.getBean(TimeLimiterRegistry.class).get("inventory");
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(meters.find("resilience.circuitbreaker.calls").tag("name", "inventory").timers()).hasSize(6);
				assertThat(meters.find("resilience.retry.calls").tag("name", "inventory").functionCounters())
					.hasSize(4);
				assertThat(meters.find("resilience.ratelimiter.calls").tag("name", "inventory").functionCounters())
					.hasSize(2);
				assertThat(meters.find("resilience.bulkhead.calls").tag("name", "inventory").functionCounters())
					.hasSize(2);
				assertThat(meters.find("resilience.bulkhead.active.calls").tag("name", "inventory").gauge())
					.isNotNull();
				assertThat(meters.find("resilience.bulkhead.queued.calls").tag("name", "inventory").gauge())
					.isNotNull();
				assertThat(meters.find("resilience.timelimiter.calls").tag("name", "inventory").functionCounters())
					.hasSize(3);
			});
	}

	@Test
	void definesOnlyBindersWhoseRegistryExists() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ResilienceMetricsAutoConfiguration.class))
			.withBean(SimpleMeterRegistry.class)
			.withBean(RetryRegistry.class, RetryRegistry::ofDefaults)
			.run((context) -> assertThat(context).hasSingleBean(RetryMeterBinder.class)
				.doesNotHaveBean(CircuitBreakerMeterBinder.class)
				.doesNotHaveBean(RateLimiterMeterBinder.class)
				.doesNotHaveBean(BulkheadMeterBinder.class)
				.doesNotHaveBean(TimeLimiterMeterBinder.class));
	}

	@Test
	void backsOffWhenUserDefinesBinders() {
		this.contextRunner
			.withBean("userCircuitBreakerMeterBinder", CircuitBreakerMeterBinder.class,
					() -> new CircuitBreakerMeterBinder(CircuitBreakerRegistry.ofDefaults()))
			.withBean("userRetryMeterBinder", RetryMeterBinder.class,
					() -> new RetryMeterBinder(RetryRegistry.ofDefaults()))
			.withBean("userRateLimiterMeterBinder", RateLimiterMeterBinder.class,
					() -> new RateLimiterMeterBinder(RateLimiterRegistry.ofDefaults()))
			.withBean("userBulkheadMeterBinder", BulkheadMeterBinder.class,
					() -> new BulkheadMeterBinder(BulkheadRegistry.ofDefaults()))
			.withBean("userTimeLimiterMeterBinder", TimeLimiterMeterBinder.class,
					() -> new TimeLimiterMeterBinder(TimeLimiterRegistry.ofDefaults()))
			.run((context) -> {
				assertThat(context).hasSingleBean(CircuitBreakerMeterBinder.class)
					.hasSingleBean(RetryMeterBinder.class)
					.hasSingleBean(RateLimiterMeterBinder.class)
					.hasSingleBean(BulkheadMeterBinder.class)
					.hasSingleBean(TimeLimiterMeterBinder.class);
				assertThat(context).hasBean("userCircuitBreakerMeterBinder")
					.hasBean("userRetryMeterBinder")
					.hasBean("userRateLimiterMeterBinder")
					.hasBean("userBulkheadMeterBinder")
					.hasBean("userTimeLimiterMeterBinder");
			});
	}

	@Test
	void isAbsentWithoutMeterRegistry() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ResilienceMetricsAutoConfiguration.class))
			.withBean(CircuitBreakerRegistry.class, CircuitBreakerRegistry::ofDefaults)
			.run((context) -> assertThat(context).doesNotHaveBean(CircuitBreakerMeterBinder.class));
	}

	@Test
	void isAbsentWhenResilienceIsDisabled() {
		this.contextRunner.withPropertyValues("resilience.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(CircuitBreakerMeterBinder.class)
				.doesNotHaveBean(RetryMeterBinder.class)
				.doesNotHaveBean(RateLimiterMeterBinder.class)
				.doesNotHaveBean(BulkheadMeterBinder.class)
				.doesNotHaveBean(TimeLimiterMeterBinder.class));
	}

	@Test
	void isAbsentWithoutMicrometer() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(CircuitBreakerMeterBinder.class)
				.doesNotHaveBean(RetryMeterBinder.class)
				.doesNotHaveBean(RateLimiterMeterBinder.class)
				.doesNotHaveBean(BulkheadMeterBinder.class)
				.doesNotHaveBean(TimeLimiterMeterBinder.class));
	}

}
