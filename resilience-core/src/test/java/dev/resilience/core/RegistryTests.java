package dev.resilience.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.resilience.testsupport.Concurrently;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Registry}.
 */
class RegistryTests {

	private final AtomicInteger created = new AtomicInteger();

	private final Registry<Instance> registry = new Registry<>((name) -> {
		this.created.incrementAndGet();
		return new Instance(name);
	}, Instance::name) {
	};

	@Test
	void getCreatesAnInstanceOnce() {
		Instance first = this.registry.get("inventory");
		Instance second = this.registry.get("inventory");
		assertThat(first.name()).isEqualTo("inventory");
		assertThat(second).isSameAs(first);
		assertThat(this.created).hasValue(1);
	}

	@Test
	void findDoesNotCreate() {
		assertThat(this.registry.find("inventory")).isEmpty();
		assertThat(this.created).hasValue(0);
		Instance created = this.registry.get("inventory");
		assertThat(this.registry.find("inventory")).containsSame(created);
	}

	@Test
	void allIsSortedByName() {
		this.registry.get("payments");
		this.registry.get("inventory");
		this.registry.get("shipping");
		assertThat(this.registry.all()).extracting(Instance::name).containsExactly("inventory", "payments", "shipping");
	}

	@Test
	void listenerIsCalledForExistingAndNewInstances() {
		this.registry.get("existing");
		List<String> seen = new ArrayList<>();
		this.registry.forEachAndOnAdded((instance) -> seen.add(instance.name()));
		assertThat(seen).containsExactly("existing");
		this.registry.get("new");
		this.registry.get("new");
		this.registry.get("existing");
		assertThat(seen).containsExactly("existing", "new");
	}

	@Test
	void everyListenerIsCalled() {
		List<String> first = new ArrayList<>();
		List<String> second = new ArrayList<>();
		this.registry.forEachAndOnAdded((instance) -> first.add(instance.name()));
		this.registry.forEachAndOnAdded((instance) -> second.add(instance.name()));
		this.registry.get("one");
		assertThat(first).containsExactly("one");
		assertThat(second).containsExactly("one");
	}

	@Test
	void concurrentGetsCreateOneInstance() throws Exception {
		List<Instance> announced = new CopyOnWriteArrayList<>();
		this.registry.forEachAndOnAdded(announced::add);
		int callers = 8;
		List<Instance> results = Concurrently.runTogether(callers, () -> this.registry.get("shared"));
		Instance first = results.get(0);
		assertThat(results).allSatisfy((result) -> assertThat(result).isSameAs(first));
		assertThat(this.created).hasValue(1);
		assertThat(announced).hasSize(1);
	}

	record Instance(String name) {
	}

}
