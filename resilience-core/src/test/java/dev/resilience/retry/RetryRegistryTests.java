package dev.resilience.retry;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.resilience.core.ErrorClassifier;
import dev.resilience.testsupport.ManualScheduler;
import dev.resilience.testsupport.ManualTimeSource;
import dev.resilience.testsupport.RecordingSleeper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Tests for {@link RetryRegistry}.
 */
class RetryRegistryTests {

	private final ManualTimeSource time = new ManualTimeSource();

	private final RecordingSleeper sleeper = new RecordingSleeper(this.time);

	private final ManualScheduler scheduler = new ManualScheduler(this.time);

	private final RetryConfig defaults = RetryConfig.builder().maxAttempts(2).jitter(0.0).build();

	private final RetryConfig inventory = RetryConfig.builder().maxAttempts(5).jitter(0.0).build();

	@Test
	void createsNamedInstancesAtOnce() {
		RetryRegistry registry = registry(Map.of("inventory", this.inventory, "payments", this.defaults));
		assertThat(registry.all()).extracting(Retry::name).containsExactly("inventory", "payments");
		assertThat(registry.find("inventory")).isPresent();
	}

	@Test
	void namedInstanceUsesItsOwnConfig() {
		RetryRegistry registry = registry(Map.of("inventory", this.inventory));
		assertThat(registry.get("inventory").config()).isSameAs(this.inventory);
		assertThat(registry.configFor("inventory")).isSameAs(this.inventory);
	}

	@Test
	void unknownNameIsCreatedFromTheDefaultsOnFirstUse() {
		RetryRegistry registry = registry(Map.of("inventory", this.inventory));
		assertThat(registry.find("other")).isEmpty();
		Retry other = registry.get("other");
		assertThat(other.name()).isEqualTo("other");
		assertThat(other.config()).isSameAs(this.defaults);
		assertThat(registry.get("other")).isSameAs(other);
		assertThat(registry.configFor("never-used")).isSameAs(this.defaults);
	}

	@Test
	void instancesShareTheGivenCollaborators() {
		RetryRegistry registry = registry(Map.of());
		Retry retry = registry.get("shared");
		catchThrowable(() -> retry.execute("ctx", ScriptedCall.of(new IOException("down")).sync()));
		assertThat(this.sleeper.waits()).containsExactly(Duration.ofMillis(500).toNanos());
		assertThat(retry.events().recent().get(0).timestamp()).isEqualTo(ManualTimeSource.START);
		retry.executeAsync("ctx", ScriptedCall.of(new IOException("down"), "ok").async());
		assertThat(this.scheduler.delays()).containsExactly(Duration.ofMillis(500).toNanos());
	}

	@Test
	void laterChangesToTheGivenMapDoNotAffectTheRegistry() {
		Map<String, RetryConfig> instances = new LinkedHashMap<>();
		instances.put("inventory", this.inventory);
		RetryRegistry registry = registry(instances);
		instances.put("late", this.inventory);
		assertThat(registry.configFor("late")).isSameAs(this.defaults);
	}

	@Test
	void listenerSeesNamedAndLaterInstances() {
		RetryRegistry registry = registry(Map.of("inventory", this.inventory));
		List<String> seen = new ArrayList<>();
		registry.forEachAndOnAdded((retry) -> seen.add(retry.name()));
		registry.get("later");
		registry.get("later");
		assertThat(seen).containsExactly("inventory", "later");
	}

	@Test
	void ofDefaultsUsesTheDefaultConfig() {
		RetryRegistry registry = RetryRegistry.ofDefaults();
		assertThat(registry.all()).isEmpty();
		assertThat(registry.get("any").config()).isEqualTo(RetryConfig.ofDefaults());
	}

	private RetryRegistry registry(Map<String, RetryConfig> instances) {
		return new RetryRegistry(this.defaults, instances, ErrorClassifier.defaults(), this.time, this.sleeper,
				this.scheduler);
	}

}
