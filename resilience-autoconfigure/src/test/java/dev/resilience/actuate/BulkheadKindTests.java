package dev.resilience.actuate;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.resilience.actuate.ResilienceKind.WriteResult;
import dev.resilience.bulkhead.Bulkhead;
import dev.resilience.bulkhead.BulkheadConfig;
import dev.resilience.bulkhead.BulkheadRegistry;
import dev.resilience.core.Scheduler;
import dev.resilience.testsupport.ManualTimeSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BulkheadKind}.
 *
 * @author Resilience
 */
class BulkheadKindTests {

	private static final BulkheadConfig REPORTS = new BulkheadConfig(2, Duration.ofMillis(1500));

	// Queued callers never time out: only the tests move them
	private static final Scheduler NEVER = (task, delayNanos) -> {
	};

	private final BulkheadRegistry registry = new BulkheadRegistry(BulkheadConfig.ofDefaults(),
			Map.of("reports", REPORTS), new ManualTimeSource(), NEVER);

	private final BulkheadKind kind = new BulkheadKind(this.registry);

	@Test
	void isAddressedAsBulkheads() {
		assertThat(this.kind.path()).isEqualTo("bulkheads");
		assertThat(this.kind.key()).isEqualTo("bulkheads");
	}

	@Test
	void summariesListInstancesInNameOrder() {
		this.registry.get("archive");
		this.registry.get("uploads");
		assertThat(this.kind.summaries().keySet()).containsExactly("archive", "reports", "uploads");
	}

	@Test
	void summaryShowsSlotsQueueAndCounters() {
		Bulkhead reports = this.registry.get("reports");
		assertThat(this.kind.summaries().get("reports")).isEqualTo(new BulkheadKind.Summary(0, 0, 2, 0, 0, 2));
		assertThat(reports.tryAcquirePermission()).isTrue();
		assertThat(reports.tryAcquirePermission()).isTrue();
		assertThat(reports.tryAcquirePermission()).isFalse();
		CompletableFuture<Void> queued = reports.acquirePermissionAsync();
		assertThat(this.kind.summaries().get("reports")).isEqualTo(new BulkheadKind.Summary(2, 1, 0, 2, 1, 2));
		reports.releasePermission();
		assertThat(queued).isDone();
		assertThat(this.kind.summaries().get("reports")).isEqualTo(new BulkheadKind.Summary(2, 0, 0, 3, 1, 2));
	}

	@Test
	void describeShowsEffectiveConfigurationWithPropertyNames() {
		InstanceDescription description = this.kind.describe("reports");
		assertThat(description).isNotNull();
		assertThat(description.name()).isEqualTo("reports");
		assertThat(description.state()).isEqualTo(new BulkheadKind.Summary(0, 0, 2, 0, 0, 2));
		assertThat(description.config()).containsExactly(Map.entry("max-concurrent-calls", 2),
				Map.entry("max-wait-duration", "PT1.5S"));
	}

	@Test
	void describeShowsRecentEvents() {
		Bulkhead archive = this.registry.get("archive");
		for (int i = 0; i < 25; i++) {
			assertThat(archive.tryAcquirePermission()).isTrue();
		}
		assertThat(archive.tryAcquirePermission()).isFalse();
		InstanceDescription description = this.kind.describe("archive");
		assertThat(description).isNotNull();
		assertThat(description.config()).containsExactly(Map.entry("max-concurrent-calls", 25),
				Map.entry("max-wait-duration", "PT0S"));
		assertThat(description.events()).singleElement().satisfies((event) -> {
			assertThat(event.type()).isEqualTo("CALL_REJECTED");
			assertThat(event.message()).isNotBlank();
			assertThat(event.timestamp()).isEqualTo("2026-01-01T00:00:00Z");
		});
	}

	@Test
	void describeAnswersNullForUnknownInstanceWithoutCreatingIt() {
		assertThat(this.kind.describe("unknown")).isNull();
		assertThat(this.registry.find("unknown")).isEmpty();
	}

	@Test
	void refusesWrites() {
		WriteResult result = this.kind.write("reports", Map.of("state", "OPEN"));
		assertThat(result.status()).isEqualTo(WriteResult.Status.BAD_REQUEST);
		assertThat(result.body())
			.hasToString("{message=Instances of bulkheads cannot be changed through the endpoint}");
	}

}
