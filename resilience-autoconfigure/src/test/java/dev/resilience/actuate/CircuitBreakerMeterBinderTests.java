package dev.resilience.actuate;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerConfig;
import dev.resilience.circuitbreaker.CircuitBreakerRegistry;
import dev.resilience.core.ErrorClassifier;
import dev.resilience.core.ExceptionTypes;
import dev.resilience.testsupport.ManualTimeSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CircuitBreakerMeterBinder}.
 *
 * @author Resilience
 */
class CircuitBreakerMeterBinderTests {

	private static final CircuitBreakerConfig CONFIG = CircuitBreakerConfig.builder()
		.minimumNumberOfCalls(4)
		.failureRateThreshold(100)
		.slowCallDurationThreshold(Duration.ofSeconds(1))
		.ignoreExceptions(ExceptionTypes.of(List.of(IllegalStateException.class)))
		.build();

	private final ManualTimeSource clock = new ManualTimeSource();

	private final CircuitBreakerRegistry circuitBreakers = new CircuitBreakerRegistry(CONFIG,
			Map.of("inventory", CONFIG), ErrorClassifier.defaults(), this.clock);

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@Test
	void registersCallTimerPerOutcomeForExistingInstances() {
		new CircuitBreakerMeterBinder(this.circuitBreakers).bindTo(this.meters);
		assertThat(this.meters.find("resilience.circuitbreaker.calls").tag("name", "inventory").timers())
			.extracting((timer) -> timer.getId().getTag("outcome"))
			.containsExactlyInAnyOrder("success", "failure", "slow_success", "slow_failure", "not_permitted",
					"ignored");
	}

	@Test
	void registersMetersForInstancesCreatedAfterBinding() {
		new CircuitBreakerMeterBinder(this.circuitBreakers).bindTo(this.meters);
		assertThat(this.meters.find("resilience.circuitbreaker.calls").tag("name", "orders").timers()).isEmpty();
		this.circuitBreakers.get("orders");
		assertThat(this.meters.find("resilience.circuitbreaker.calls").tag("name", "orders").timers()).hasSize(6);
		assertThat(this.meters.find("resilience.circuitbreaker.state").tag("name", "orders").gauges()).hasSize(5);
		assertThat(this.meters.find("resilience.circuitbreaker.failure.rate").tag("name", "orders").gauge())
			.isNotNull();
	}

	@Test
	void timesEachCallUnderItsOutcome() {
		new CircuitBreakerMeterBinder(this.circuitBreakers).bindTo(this.meters);
		CircuitBreaker inventory = this.circuitBreakers.get("inventory");
		report(inventory, 100, null);
		report(inventory, 200, null);
		report(inventory, 300, new IOException("Connection reset"));
		report(inventory, 1500, null);
		report(inventory, 2000, new IOException("Read timed out"));
		report(inventory, 50, new IllegalStateException("Ignored"));
		inventory.transitionTo(CircuitBreaker.State.FORCED_OPEN);
		assertThat(inventory.tryAcquirePermission()).isFalse();
		assertThat(timer("success").count()).isEqualTo(2);
		assertThat(timer("success").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(300);
		assertThat(timer("failure").count()).isOne();
		assertThat(timer("slow_success").count()).isOne();
		assertThat(timer("slow_failure").count()).isOne();
		assertThat(timer("slow_failure").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(2000);
		assertThat(timer("ignored").count()).isOne();
		assertThat(timer("not_permitted").count()).isOne();
	}

	@Test
	void stateGaugeIsOneForCurrentStateOnly() {
		new CircuitBreakerMeterBinder(this.circuitBreakers).bindTo(this.meters);
		assertThat(stateGauges()).containsExactlyInAnyOrderEntriesOf(
				Map.of("closed", 1.0, "open", 0.0, "half_open", 0.0, "forced_open", 0.0, "disabled", 0.0));
		this.circuitBreakers.get("inventory").transitionTo(CircuitBreaker.State.FORCED_OPEN);
		assertThat(stateGauges()).containsExactlyInAnyOrderEntriesOf(
				Map.of("closed", 0.0, "open", 0.0, "half_open", 0.0, "forced_open", 1.0, "disabled", 0.0));
	}

	@Test
	void failureRateGaugeIsNaNUntilRateCanBeComputed() {
		new CircuitBreakerMeterBinder(this.circuitBreakers).bindTo(this.meters);
		CircuitBreaker inventory = this.circuitBreakers.get("inventory");
		Gauge failureRate = this.meters.get("resilience.circuitbreaker.failure.rate").tag("name", "inventory").gauge();
		report(inventory, 10, null);
		report(inventory, 10, new IOException("Connection reset"));
		report(inventory, 10, null);
		assertThat(failureRate.value()).isNaN();
		report(inventory, 10, null);
		assertThat(failureRate.value()).isEqualTo(25.0);
	}

	@Test
	void everyMeterHasDescriptionAndNameTag() {
		new CircuitBreakerMeterBinder(this.circuitBreakers).bindTo(this.meters);
		assertThat(this.meters.getMeters()).hasSize(12).allSatisfy((meter) -> {
			assertThat(meter.getId().getDescription()).isNotBlank();
			assertThat(meter.getId().getTags()).contains(Tag.of("name", "inventory"));
		});
		assertThat(this.meters.get("resilience.circuitbreaker.failure.rate").meter().getId().getBaseUnit())
			.isEqualTo("percent");
		assertThat(this.meters.get("resilience.circuitbreaker.calls").meter().getId().getType())
			.isEqualTo(Meter.Type.TIMER);
	}

	@Test
	void exportsPrometheusNames() {
		PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		new CircuitBreakerMeterBinder(this.circuitBreakers).bindTo(prometheus);
		report(this.circuitBreakers.get("inventory"), 100, null);
		assertThat(prometheus.scrape())
			.contains("resilience_circuitbreaker_calls_seconds_count{name=\"inventory\",outcome=\"success\"} 1")
			.contains("resilience_circuitbreaker_state{name=\"inventory\",state=\"closed\"} 1")
			.contains("resilience_circuitbreaker_failure_rate_percent{name=\"inventory\"} NaN");
	}

	private Timer timer(String outcome) {
		return this.meters.get("resilience.circuitbreaker.calls").tags("name", "inventory", "outcome", outcome).timer();
	}

	private Map<String, Double> stateGauges() {
		return this.meters.get("resilience.circuitbreaker.state")
			.tag("name", "inventory")
			.gauges()
			.stream()
			.collect(Collectors.toMap((gauge) -> gauge.getId().getTag("state"), Gauge::value));
	}

	private void report(CircuitBreaker circuitBreaker, long millis, @Nullable Throwable error) {
		circuitBreaker.acquirePermission();
		long duration = TimeUnit.MILLISECONDS.toNanos(millis);
		if (error != null) {
			circuitBreaker.onError(duration, error);
		}
		else {
			circuitBreaker.onSuccess(duration);
		}
	}

}
