package dev.resilience.actuate;

import java.time.Duration;
import java.util.Map;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerConfig;
import dev.resilience.circuitbreaker.CircuitBreakerRegistry;
import dev.resilience.core.ErrorClassifier;
import dev.resilience.core.TimeSource;
import dev.resilience.testsupport.ManualTimeSource;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ResilienceHealthIndicator}.
 *
 * @author Resilience
 */
class ResilienceHealthIndicatorTests {

	private final CircuitBreakerRegistry registry = new CircuitBreakerRegistry(CircuitBreakerConfig.ofDefaults(),
			Map.of("inventory", CircuitBreakerConfig.builder().healthAffectsStatus(true).build(), "billing",
					CircuitBreakerConfig.ofDefaults()),
			ErrorClassifier.defaults(), TimeSource.system());

	private final ResilienceHealthIndicator indicator = new ResilienceHealthIndicator(this.registry);

	@Test
	void isUpWithEveryBreakerStateInDetails() {
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails())
			.isEqualTo(Map.of("circuitBreakers", Map.of("billing", "CLOSED", "inventory", "CLOSED")));
	}

	@Test
	void isUpWithNoBreakers() {
		Health health = new ResilienceHealthIndicator(CircuitBreakerRegistry.ofDefaults()).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).isEqualTo(Map.of("circuitBreakers", Map.of()));
	}

	@Test
	void isDownWhenBreakerThatAffectsHealthIsOpen() {
		this.registry.get("inventory").transitionTo(CircuitBreaker.State.OPEN);
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails())
			.isEqualTo(Map.of("circuitBreakers", Map.of("billing", "CLOSED", "inventory", "OPEN")));
	}

	@Test
	void isDownWhenBreakerThatAffectsHealthIsForcedOpen() {
		this.registry.get("inventory").transitionTo(CircuitBreaker.State.FORCED_OPEN);
		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.DOWN);
	}

	@Test
	void staysUpWhenBreakerThatAffectsHealthIsDisabled() {
		this.registry.get("inventory").transitionTo(CircuitBreaker.State.DISABLED);
		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void staysUpWhileBreakerThatAffectsHealthIsHalfOpen() {
		ManualTimeSource clock = new ManualTimeSource();
		CircuitBreakerConfig config = CircuitBreakerConfig.builder()
			.healthAffectsStatus(true)
			.waitDurationInOpenState(Duration.ofSeconds(10))
			.build();
		CircuitBreakerRegistry registry = new CircuitBreakerRegistry(config, Map.of("inventory", config),
				ErrorClassifier.defaults(), clock);
		CircuitBreaker inventory = registry.get("inventory");
		inventory.transitionTo(CircuitBreaker.State.OPEN);
		clock.advance(Duration.ofSeconds(10));
		assertThat(inventory.tryAcquirePermission()).isTrue();
		assertThat(inventory.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
		assertThat(new ResilienceHealthIndicator(registry).health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void staysUpWhenOnlyBreakersThatDoNotAffectHealthAreOpen() {
		this.registry.get("billing").transitionTo(CircuitBreaker.State.FORCED_OPEN);
		this.registry.get("orders").transitionTo(CircuitBreaker.State.OPEN);
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).isEqualTo(
				Map.of("circuitBreakers", Map.of("billing", "FORCED_OPEN", "inventory", "CLOSED", "orders", "OPEN")));
	}

	@Test
	void returnsToUpWhenBreakerCloses() {
		CircuitBreaker inventory = this.registry.get("inventory");
		inventory.transitionTo(CircuitBreaker.State.OPEN);
		inventory.transitionTo(CircuitBreaker.State.CLOSED);
		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.UP);
	}

}
