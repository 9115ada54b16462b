package dev.resilience.actuate;

import java.io.IOException;
import java.util.Map;

import dev.resilience.timelimiter.TimeLimiter;
import dev.resilience.timelimiter.TimeLimiterConfig;
import dev.resilience.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TimeLimiterMeterBinder}.
 *
 * @author Resilience
 */
class TimeLimiterMeterBinderTests {

	private final TimeLimiterRegistry timeLimiters = TimeLimiters
		.registry(Map.of("pricing", TimeLimiterConfig.ofDefaults()));

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@Test
	void registersCounterPerOutcomeForExistingInstances() {
		new TimeLimiterMeterBinder(this.timeLimiters).bindTo(this.meters);
		assertThat(this.meters.find("resilience.timelimiter.calls").tag("name", "pricing").functionCounters())
			.extracting((counter) -> counter.getId().getTag("outcome"))
			.containsExactlyInAnyOrder("success", "failure", "timeout");
	}

	@Test
	void registersCountersForInstancesCreatedAfterBinding() {
		new TimeLimiterMeterBinder(this.timeLimiters).bindTo(this.meters);
		this.timeLimiters.get("quotes");
		assertThat(this.meters.find("resilience.timelimiter.calls").tag("name", "quotes").functionCounters())
			.hasSize(3);
	}

	@Test
	void countersReadTimeLimiterOutcomes() {
		new TimeLimiterMeterBinder(this.timeLimiters).bindTo(this.meters);
		TimeLimiter pricing = this.timeLimiters.get("pricing");
		pricing.onSuccess();
		pricing.onSuccess();
		pricing.onSuccess();
		pricing.onError(new IOException("Connection reset"));
		pricing.onTimeout();
		pricing.onTimeout();
		assertThat(count("success")).isEqualTo(3);
		assertThat(count("failure")).isEqualTo(1);
		assertThat(count("timeout")).isEqualTo(2);
	}

	@Test
	void everyCounterHasDescriptionBaseUnitAndNameTag() {
		new TimeLimiterMeterBinder(this.timeLimiters).bindTo(this.meters);
		assertThat(this.meters.getMeters()).hasSize(3).allSatisfy((meter) -> {
			assertThat(meter.getId().getDescription()).isNotBlank();
			assertThat(meter.getId().getBaseUnit()).isEqualTo("calls");
			assertThat(meter.getId().getTags()).contains(Tag.of("name", "pricing"));
		});
	}

	@Test
	void exportsPrometheusNames() {
		PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		new TimeLimiterMeterBinder(this.timeLimiters).bindTo(prometheus);
		this.timeLimiters.get("pricing").onTimeout();
		assertThat(prometheus.scrape())
			.contains("resilience_timelimiter_calls_total{name=\"pricing\",outcome=\"timeout\"} 1")
			.contains("resilience_timelimiter_calls_total{name=\"pricing\",outcome=\"success\"} 0")
			.contains("resilience_timelimiter_calls_total{name=\"pricing\",outcome=\"failure\"} 0");
	}

	private double count(String outcome) {
		FunctionCounter counter = this.meters.get("resilience.timelimiter.calls")
			.tags("name", "pricing", "outcome", outcome)
			.functionCounter();
		return counter.count();
	}

}
