package dev.resilience.circuitbreaker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.resilience.circuitbreaker.CircuitBreaker.State;
import dev.resilience.core.ErrorClassifier;
import dev.resilience.testsupport.ManualTimeSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CircuitBreakerRegistry}.
 *
 * @author Resilience
 */
class CircuitBreakerRegistryTests {

	private final ManualTimeSource clock = new ManualTimeSource();

	private final CircuitBreakerConfig defaults = CircuitBreakerConfig.ofDefaults();

	private final CircuitBreakerConfig inventory = CircuitBreakerConfig.builder()
		.slidingWindowSize(2)
		.minimumNumberOfCalls(2)
		.waitDurationInOpenState(Duration.ofSeconds(5))
		.build();

	@Test
	void createsNamedInstancesAtStart() {
		CircuitBreakerRegistry registry = registry(Map.of("inventory", this.inventory, "payments", this.defaults));
		assertThat(registry.find("inventory")).get().satisfies((breaker) -> {
			assertThat(breaker.name()).isEqualTo("inventory");
			assertThat(breaker.config()).isSameAs(this.inventory);
		});
		assertThat(registry.all()).extracting(CircuitBreaker::name).containsExactly("inventory", "payments");
	}

	@Test
	void createsOtherInstancesFromDefaultsOnFirstUse() {
		CircuitBreakerRegistry registry = registry(Map.of("inventory", this.inventory));
		assertThat(registry.find("shipping")).isEmpty();
		CircuitBreaker shipping = registry.get("shipping");
		assertThat(shipping.config()).isSameAs(this.defaults);
		assertThat(registry.get("shipping")).isSameAs(shipping);
	}

	@Test
	void tellsTheConfigOfAnyName() {
		CircuitBreakerRegistry registry = registry(Map.of("inventory", this.inventory));
		assertThat(registry.configFor("inventory")).isSameAs(this.inventory);
		assertThat(registry.configFor("shipping")).isSameAs(this.defaults);
	}

	@Test
	void keepsItsOwnCopyOfTheInstances() {
		Map<String, CircuitBreakerConfig> instances = new LinkedHashMap<>();
		instances.put("inventory", this.inventory);
		CircuitBreakerRegistry registry = registry(instances);
		instances.put("shipping", this.inventory);
		assertThat(registry.configFor("shipping")).isSameAs(this.defaults);
	}

	@Test
	void tellsListenersOfExistingAndNewInstances() {
		CircuitBreakerRegistry registry = registry(Map.of("inventory", this.inventory));
		List<String> seen = new ArrayList<>();
		registry.forEachAndOnAdded((breaker) -> seen.add(breaker.name()));
		registry.get("shipping");
		assertThat(seen).containsExactly("inventory", "shipping");
	}

	@Test
	void instancesUseTheGivenClockAndClassifier() {
		CircuitBreakerRegistry registry = new CircuitBreakerRegistry(this.defaults, Map.of("inventory", this.inventory),
				(failure) -> !(failure instanceof IllegalStateException), this.clock);
		CircuitBreaker breaker = registry.get("inventory");
		for (int i = 0; i < 2; i++) {
			breaker.acquirePermission();
			breaker.onError(0, new IllegalStateException());
		}
		assertThat(breaker.state()).as("classifier calls it permanent").isEqualTo(State.CLOSED);
		breaker.transitionTo(State.OPEN);
		this.clock.advanceSeconds(5);
		assertThat(breaker.tryAcquirePermission()).isTrue();
		assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
	}

	@Test
	void ofDefaultsCreatesInstancesFromDefaults() {
		CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
		assertThat(registry.all()).isEmpty();
		assertThat(registry.get("inventory").config()).isEqualTo(CircuitBreakerConfig.ofDefaults());
	}

	private CircuitBreakerRegistry registry(Map<String, CircuitBreakerConfig> instances) {
		return new CircuitBreakerRegistry(this.defaults, instances, ErrorClassifier.defaults(), this.clock);
	}

}
