package dev.resilience.actuate;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.resilience.actuate.ResilienceKind.WriteResult;
import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerConfig;
import dev.resilience.circuitbreaker.CircuitBreakerRegistry;
import dev.resilience.circuitbreaker.SlidingWindowType;
import dev.resilience.core.ErrorClassifier;
import dev.resilience.core.ExceptionTypes;
import dev.resilience.core.TimeSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CircuitBreakerKind}.
 *
 * @author Resilience
 */
class CircuitBreakerKindTests {

	private static final CircuitBreakerConfig INVENTORY = CircuitBreakerConfig.builder()
		.slidingWindowType(SlidingWindowType.TIME)
		.slidingWindowSize(10)
		.minimumNumberOfCalls(2)
		.failureRateThreshold(100)
		.waitDurationInOpenState(Duration.ofMillis(1500))
		.recordExceptions(ExceptionTypes.of(List.of(IOException.class)))
		.healthAffectsStatus(true)
		.build();

	private final CircuitBreakerRegistry registry = new CircuitBreakerRegistry(CircuitBreakerConfig.ofDefaults(),
			Map.of("inventory", INVENTORY, "billing", CircuitBreakerConfig.ofDefaults()), ErrorClassifier.defaults(),
			TimeSource.system());

	private final CircuitBreakerKind kind = new CircuitBreakerKind(this.registry);

	@Test
	void isAddressedAsCircuitBreakers() {
		assertThat(this.kind.path()).isEqualTo("circuit-breakers");
		assertThat(this.kind.key()).isEqualTo("circuitBreakers");
	}

	@Test
	void summariesListInstancesInNameOrder() {
		assertThat(this.kind.summaries()).containsOnlyKeys("billing", "inventory");
		assertThat(this.kind.summaries().keySet()).containsExactly("billing", "inventory");
	}

	@Test
	void summaryShowsStateAndWindowCounters() {
		CircuitBreaker inventory = this.registry.get("inventory");
		succeed(inventory);
		fail(inventory);
		inventory.transitionTo(CircuitBreaker.State.FORCED_OPEN);
		inventory.tryAcquirePermission();
		assertThat(this.kind.summaries().get("inventory"))
			.isEqualTo(new CircuitBreakerKind.Summary("FORCED_OPEN", 50.0f, 0.0f, 2, 1, 0, 1, 1));
	}

	@Test
	void summaryHasNoRatesBeforeMinimumNumberOfCalls() {
		succeed(this.registry.get("inventory"));
		CircuitBreakerKind.Summary summary = (CircuitBreakerKind.Summary) this.kind.summaries().get("inventory");
		assertThat(summary.failureRate()).isNull();
		assertThat(summary.slowCallRate()).isNull();
		assertThat(summary.bufferedCalls()).isOne();
	}

	@Test
	void describeShowsEffectiveConfigurationWithPropertyNames() {
		InstanceDescription description = this.kind.describe("inventory");
		assertThat(description).isNotNull();
		assertThat(description.name()).isEqualTo("inventory");
		assertThat(description.state()).isInstanceOf(CircuitBreakerKind.Summary.class);
		assertThat(description.config()).containsExactly(Map.entry("sliding-window-type", "time"),
				Map.entry("sliding-window-size", 10), Map.entry("minimum-number-of-calls", 2),
				Map.entry("failure-rate-threshold", 100.0f), Map.entry("slow-call-duration-threshold", "PT1M"),
				Map.entry("slow-call-rate-threshold", 100.0f), Map.entry("wait-duration-in-open-state", "PT1.5S"),
				Map.entry("permitted-calls-in-half-open-state", 5),
				Map.entry("record-exceptions", List.of("java.io.IOException")),
				Map.entry("ignore-exceptions", List.of()), Map.entry("health-affects-status", true));
	}

	@Test
	void describeShowsRecentEvents() {
		this.registry.get("inventory").transitionTo(CircuitBreaker.State.OPEN);
		InstanceDescription description = this.kind.describe("inventory");
		assertThat(description).isNotNull();
		assertThat(description.events()).singleElement().satisfies((event) -> {
			assertThat(event.type()).isEqualTo("STATE_TRANSITION");
			assertThat(event.message()).contains("CLOSED").contains("OPEN");
			assertThat(event.timestamp()).isNotBlank();
		});
	}

	@Test
	void describeAnswersNullForUnknownInstanceWithoutCreatingIt() {
		assertThat(this.kind.describe("unknown")).isNull();
		assertThat(this.registry.find("unknown")).isEmpty();
	}

	@Test
	void writeMovesBreakerToRequestedState() {
		WriteResult result = this.kind.write("inventory", Map.of("state", "FORCED_OPEN"));
		assertThat(result.status()).isEqualTo(WriteResult.Status.OK);
		assertThat(result.body()).isInstanceOfSatisfying(CircuitBreakerKind.Summary.class,
				(summary) -> assertThat(summary.state()).isEqualTo("FORCED_OPEN"));
		assertThat(this.registry.get("inventory").state()).isEqualTo(CircuitBreaker.State.FORCED_OPEN);
	}

	@Test
	void writeAcceptsEveryManualState() {
		for (String state : List.of("OPEN", "DISABLED", "FORCED_OPEN", "CLOSED")) {
			assertThat(this.kind.write("billing", Map.of("state", state)).status()).isEqualTo(WriteResult.Status.OK);
			assertThat(this.registry.get("billing").state().name()).isEqualTo(state);
		}
	}

	@Test
	void writeRefusesHalfOpen() {
		WriteResult result = this.kind.write("inventory", Map.of("state", "HALF_OPEN"));
		assertThat(result.status()).isEqualTo(WriteResult.Status.BAD_REQUEST);
		assertThat(result.body()).hasToString(
				"{message=state must be one of [CLOSED, OPEN, FORCED_OPEN, DISABLED], " + "but was HALF_OPEN}");
		assertThat(this.registry.get("inventory").state()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	@Test
	void writeRefusesUnknownOrMissingState() {
		assertThat(this.kind.write("inventory", Map.of("state", "AJAR")).status())
			.isEqualTo(WriteResult.Status.BAD_REQUEST);
		assertThat(this.kind.write("inventory", Map.of()).status()).isEqualTo(WriteResult.Status.BAD_REQUEST);
		assertThat(this.kind.write("inventory", Map.of("action", "retry-compensation")).status())
			.isEqualTo(WriteResult.Status.BAD_REQUEST);
	}

	@Test
	void writeAnswersNotFoundForUnknownInstanceWithoutCreatingIt() {
		assertThat(this.kind.write("unknown", Map.of("state", "OPEN")).status())
			.isEqualTo(WriteResult.Status.NOT_FOUND);
		assertThat(this.registry.find("unknown")).isEmpty();
	}

	private static void succeed(CircuitBreaker circuitBreaker) {
		circuitBreaker.acquirePermission();
		circuitBreaker.onSuccess(1_000_000);
	}

	private static void fail(CircuitBreaker circuitBreaker) {
		circuitBreaker.acquirePermission();
		circuitBreaker.onError(1_000_000, new IOException("Connection reset"));
	}

}
