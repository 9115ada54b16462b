package dev.resilience.actuate;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.resilience.actuate.ResilienceKind.WriteResult;
import dev.resilience.core.ExceptionTypes;
import dev.resilience.retry.Backoff;
import dev.resilience.retry.Retry;
import dev.resilience.retry.RetryConfig;
import dev.resilience.retry.RetryRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RetryKind}.
 *
 * @author Resilience
 */
class RetryKindTests {

	private static final RetryConfig INVENTORY = new RetryConfig(5, Duration.ofMillis(500), Backoff.FIXED, 1.5,
			Duration.ofSeconds(10), 0.1, ExceptionTypes.of(List.of(IOException.class)),
			ExceptionTypes.of(List.of(IllegalStateException.class)));

	private final RetryRegistry registry = Retries.registry(Map.of("inventory", INVENTORY));

	private final RetryKind kind = new RetryKind(this.registry);

	@Test
	void isAddressedAsRetries() {
		assertThat(this.kind.path()).isEqualTo("retries");
		assertThat(this.kind.key()).isEqualTo("retries");
	}

	@Test
	void summaryShowsCallCountersByOutcome() {
		Retry inventory = this.registry.get("inventory");
		inventory.onSuccess(1);
		inventory.onSuccess(1);
		inventory.onSuccess(3);
		inventory.onFailedAttempt(5, new IOException("Connection reset"));
		inventory.onFailedAttempt(1, new IllegalStateException("Not retried"));
		assertThat(this.kind.summaries()).containsExactly(Map.entry("inventory", new RetryKind.Summary(2, 1, 1, 1)));
	}

	@Test
	void summariesListInstancesInNameOrder() {
		this.registry.get("billing");
		this.registry.get("accounts");
		assertThat(this.kind.summaries().keySet()).containsExactly("accounts", "billing", "inventory");
	}

	@Test
	void describeShowsEffectiveConfigurationWithPropertyNames() {
		InstanceDescription description = this.kind.describe("inventory");
		assertThat(description).isNotNull();
		assertThat(description.name()).isEqualTo("inventory");
		assertThat(description.state()).isEqualTo(new RetryKind.Summary(0, 0, 0, 0));
		assertThat(description.config()).containsExactly(Map.entry("max-attempts", 5),
				Map.entry("wait-duration", "PT0.5S"), Map.entry("backoff", "fixed"), Map.entry("multiplier", 1.5),
				Map.entry("max-wait-duration", "PT10S"), Map.entry("jitter", 0.1),
				Map.entry("retry-exceptions", List.of("java.io.IOException")),
				Map.entry("ignore-exceptions", List.of("java.lang.IllegalStateException")));
	}

	@Test
	void describeShowsRecentEventsOldestFirst() {
		Retry inventory = this.registry.get("inventory");
		inventory.onFailedAttempt(1, new IOException("Connection reset"));
		inventory.onSuccess(2);
		InstanceDescription description = this.kind.describe("inventory");
		assertThat(description).isNotNull();
		assertThat(description.events()).extracting(InstanceDescription.Event::type)
			.containsExactly("RETRY", "SUCCESS");
		assertThat(description.events().get(0).error()).isEqualTo("java.io.IOException: Connection reset");
		assertThat(description.events().get(1).error()).isNull();
	}

	@Test
	void describeAnswersNullForUnknownInstance() {
		assertThat(this.kind.describe("unknown")).isNull();
		assertThat(this.registry.find("unknown")).isEmpty();
	}

	@Test
	void refusesWrites() {
		WriteResult result = this.kind.write("inventory", Map.of("state", "OPEN"));
		assertThat(result.status()).isEqualTo(WriteResult.Status.BAD_REQUEST);
		assertThat(result.body()).hasToString("{message=Instances of retries cannot be changed through the endpoint}");
	}

}
