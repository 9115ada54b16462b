package dev.resilience.actuate;

import java.io.IOException;
import java.util.Map;

import dev.resilience.retry.Retry;
import dev.resilience.retry.RetryConfig;
import dev.resilience.retry.RetryRegistry;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RetryMeterBinder}.
 *
 * @author Resilience
 */
class RetryMeterBinderTests {

	private final RetryRegistry retries = Retries.registry(Map.of("inventory", RetryConfig.ofDefaults()));

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@Test
	void registersCounterPerOutcomeForExistingInstances() {
		new RetryMeterBinder(this.retries).bindTo(this.meters);
		assertThat(this.meters.find("resilience.retry.calls").tag("name", "inventory").functionCounters())
			.extracting((counter) -> counter.getId().getTag("outcome"))
			.containsExactlyInAnyOrder("success_without_retry", "success_with_retry", "failure_with_retry",
					"failure_without_retry");
	}

	@Test
	void registersCountersForInstancesCreatedAfterBinding() {
		new RetryMeterBinder(this.retries).bindTo(this.meters);
		this.retries.get("orders");
		assertThat(this.meters.find("resilience.retry.calls").tag("name", "orders").functionCounters()).hasSize(4);
	}

	@Test
	void countersReadRetryOutcomes() {
		new RetryMeterBinder(this.retries).bindTo(this.meters);
		Retry inventory = this.retries.get("inventory");
		inventory.onSuccess(1);
		inventory.onSuccess(1);
		inventory.onSuccess(1);
		inventory.onSuccess(2);
		inventory.onFailedAttempt(3, new IOException("Connection reset"));
		inventory.onFailedAttempt(1, new IllegalArgumentException("Not retried"));
		inventory.onFailedAttempt(1, new IllegalArgumentException("Not retried"));
		assertThat(count("success_without_retry")).isEqualTo(3);
		assertThat(count("success_with_retry")).isEqualTo(1);
		assertThat(count("failure_with_retry")).isEqualTo(1);
		assertThat(count("failure_without_retry")).isEqualTo(2);
	}

	@Test
	void everyCounterHasDescriptionBaseUnitAndNameTag() {
		new RetryMeterBinder(this.retries).bindTo(this.meters);
		assertThat(this.meters.getMeters()).hasSize(4).allSatisfy((meter) -> {
			assertThat(meter.getId().getDescription()).isNotBlank();
			assertThat(meter.getId().getBaseUnit()).isEqualTo("calls");
			assertThat(meter.getId().getTags()).contains(Tag.of("name", "inventory"));
		});
	}

	@Test
	void exportsPrometheusNames() {
		PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		new RetryMeterBinder(this.retries).bindTo(prometheus);
		this.retries.get("inventory").onSuccess(2);
		assertThat(prometheus.scrape())
			.contains("resilience_retry_calls_total{name=\"inventory\",outcome=\"success_with_retry\"} 1")
			.contains("resilience_retry_calls_total{name=\"inventory\",outcome=\"failure_with_retry\"} 0");
	}

	private double count(String outcome) {
		FunctionCounter counter = this.meters.get("resilience.retry.calls")
			.tags("name", "inventory", "outcome", outcome)
			.functionCounter();
		return counter.count();
	}

}
