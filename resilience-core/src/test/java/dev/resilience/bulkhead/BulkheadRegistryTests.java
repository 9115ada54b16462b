package dev.resilience.bulkhead;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.resilience.core.Scheduler;
import dev.resilience.testsupport.ManualScheduler;
import dev.resilience.testsupport.ManualTimeSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BulkheadRegistry}.
 *
 * @author Resilience
 */
class BulkheadRegistryTests {

	private final ManualTimeSource clock = new ManualTimeSource();

	private final ManualScheduler scheduler = new ManualScheduler();

	private final BulkheadConfig defaults = BulkheadConfig.ofDefaults();

	private final BulkheadConfig inventory = new BulkheadConfig(1, Duration.ofSeconds(2));

	@Test
	void createsNamedInstancesAtStart() {
		BulkheadRegistry registry = registry(Map.of("inventory", this.inventory, "payments", this.defaults));
		assertThat(registry.find("inventory")).get().satisfies((bulkhead) -> {
			assertThat(bulkhead.name()).isEqualTo("inventory");
			assertThat(bulkhead.config()).isSameAs(this.inventory);
		});
		assertThat(registry.all()).extracting(Bulkhead::name).containsExactly("inventory", "payments");
	}

	@Test
	void createsOtherInstancesFromDefaultsOnFirstUse() {
		BulkheadRegistry registry = registry(Map.of("inventory", this.inventory));
		assertThat(registry.find("shipping")).isEmpty();
		Bulkhead shipping = registry.get("shipping");
		assertThat(shipping.config()).isSameAs(this.defaults);
		assertThat(registry.get("shipping")).isSameAs(shipping);
	}

	@Test
	void tellsTheConfigOfAnyName() {
		BulkheadRegistry registry = registry(Map.of("inventory", this.inventory));
		assertThat(registry.configFor("inventory")).isSameAs(this.inventory);
		assertThat(registry.configFor("shipping")).isSameAs(this.defaults);
	}

	@Test
	void keepsItsOwnCopyOfTheInstances() {
		Map<String, BulkheadConfig> instances = new LinkedHashMap<>();
		instances.put("inventory", this.inventory);
		BulkheadRegistry registry = registry(instances);
		instances.put("shipping", this.inventory);
		assertThat(registry.configFor("shipping")).isSameAs(this.defaults);
	}

	@Test
	void tellsListenersOfExistingAndNewInstances() {
		BulkheadRegistry registry = registry(Map.of("inventory", this.inventory));
		List<String> seen = new ArrayList<>();
		registry.forEachAndOnAdded((bulkhead) -> seen.add(bulkhead.name()));
		registry.get("shipping");
		assertThat(seen).containsExactly("inventory", "shipping");
	}

	@Test
	void instancesUseTheGivenScheduler() {
		Bulkhead bulkhead = registry(Map.of("inventory", this.inventory)).get("inventory");
		assertThat(bulkhead.tryAcquirePermission()).isTrue();
		CompletableFuture<Void> waiting = bulkhead.acquirePermissionAsync();
		assertThat(this.scheduler.delays()).containsExactly(Duration.ofSeconds(2).toNanos());
		this.scheduler.runAll();
		assertThat(waiting).isCompletedExceptionally();
	}

	@Test
	void ofDefaultsCreatesInstancesFromDefaults() {
		BulkheadRegistry registry = BulkheadRegistry.ofDefaults();
		assertThat(registry.all()).isEmpty();
		assertThat(registry.get("inventory").config()).isEqualTo(BulkheadConfig.ofDefaults());
	}

	private BulkheadRegistry registry(Map<String, BulkheadConfig> instances) {
		Scheduler scheduler = this.scheduler;
		return new BulkheadRegistry(this.defaults, instances, this.clock, scheduler);
	}

}
