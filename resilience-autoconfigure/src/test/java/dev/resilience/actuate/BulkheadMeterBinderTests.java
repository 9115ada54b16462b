package dev.resilience.actuate;

import java.time.Duration;
import java.util.Map;

import dev.resilience.bulkhead.Bulkhead;
import dev.resilience.bulkhead.BulkheadConfig;
import dev.resilience.bulkhead.BulkheadRegistry;
import dev.resilience.core.Scheduler;
import dev.resilience.testsupport.ManualTimeSource;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BulkheadMeterBinder}.
 *
 * @author Resilience
 */
class BulkheadMeterBinderTests {

	// Queued callers never time out: only the tests move them
	private static final Scheduler NEVER = (task, delayNanos) -> {
	};

	private final BulkheadRegistry bulkheads = new BulkheadRegistry(BulkheadConfig.ofDefaults(),
			Map.of("reports", new BulkheadConfig(1, Duration.ofSeconds(5))), new ManualTimeSource(), NEVER);

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@Test
	void registersGaugesAndCounterPerOutcomeForExistingInstances() {
		new BulkheadMeterBinder(this.bulkheads).bindTo(this.meters);
		assertThat(this.meters.find("resilience.bulkhead.active.calls").tag("name", "reports").gauge()).isNotNull();
		assertThat(this.meters.find("resilience.bulkhead.queued.calls").tag("name", "reports").gauge()).isNotNull();
		assertThat(this.meters.find("resilience.bulkhead.calls").tag("name", "reports").functionCounters())
			.extracting((counter) -> counter.getId().getTag("outcome"))
			.containsExactlyInAnyOrder("permitted", "rejected");
	}

	@Test
	void registersMetersForInstancesCreatedAfterBinding() {
		new BulkheadMeterBinder(this.bulkheads).bindTo(this.meters);
		assertThat(this.meters.find("resilience.bulkhead.calls").tag("name", "uploads").functionCounters()).isEmpty();
		this.bulkheads.get("uploads");
		assertThat(this.meters.find("resilience.bulkhead.calls").tag("name", "uploads").functionCounters()).hasSize(2);
		assertThat(this.meters.find("resilience.bulkhead.active.calls").tag("name", "uploads").gauge()).isNotNull();
		assertThat(this.meters.find("resilience.bulkhead.queued.calls").tag("name", "uploads").gauge()).isNotNull();
	}

	@Test
	void metersReadSlotsQueueAndOutcomes() {
		new BulkheadMeterBinder(this.bulkheads).bindTo(this.meters);
		Bulkhead reports = this.bulkheads.get("reports");
		assertThat(reports.tryAcquirePermission()).isTrue();
		assertThat(reports.tryAcquirePermission()).isFalse();
		reports.acquirePermissionAsync();
		reports.acquirePermissionAsync();
		assertThat(gauge("resilience.bulkhead.active.calls").value()).isEqualTo(1);
		assertThat(gauge("resilience.bulkhead.queued.calls").value()).isEqualTo(2);
		reports.releasePermission();
		assertThat(gauge("resilience.bulkhead.active.calls").value()).isEqualTo(1);
		assertThat(gauge("resilience.bulkhead.queued.calls").value()).isEqualTo(1);
		assertThat(count("permitted")).isEqualTo(2);
		assertThat(count("rejected")).isEqualTo(1);
	}

	@Test
	void everyMeterHasDescriptionBaseUnitAndNameTag() {
		new BulkheadMeterBinder(this.bulkheads).bindTo(this.meters);
		assertThat(this.meters.getMeters()).hasSize(4).allSatisfy((meter) -> {
			assertThat(meter.getId().getDescription()).isNotBlank();
			assertThat(meter.getId().getBaseUnit()).isEqualTo("calls");
			assertThat(meter.getId().getTags()).contains(Tag.of("name", "reports"));
		});
		assertThat(this.meters.get("resilience.bulkhead.active.calls").meter().getId().getType())
			.isEqualTo(Meter.Type.GAUGE);
		assertThat(this.meters.get("resilience.bulkhead.calls").meter().getId().getType())
			.isEqualTo(Meter.Type.COUNTER);
	}

	@Test
	void exportsPrometheusNames() {
		PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		new BulkheadMeterBinder(this.bulkheads).bindTo(prometheus);
		this.bulkheads.get("reports").tryAcquirePermission();
		assertThat(prometheus.scrape()).contains("resilience_bulkhead_active_calls{name=\"reports\"} 1")
			.contains("resilience_bulkhead_queued_calls{name=\"reports\"} 0")
			.contains("resilience_bulkhead_calls_total{name=\"reports\",outcome=\"permitted\"} 1")
			.contains("resilience_bulkhead_calls_total{name=\"reports\",outcome=\"rejected\"} 0");
	}

	private Gauge gauge(String name) {
		return this.meters.get(name).tag("name", "reports").gauge();
	}

	private double count(String outcome) {
		FunctionCounter counter = this.meters.get("resilience.bulkhead.calls")
			.tags("name", "reports", "outcome", outcome)
			.functionCounter();
		return counter.count();
	}

}
