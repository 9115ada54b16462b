package dev.resilience.actuate;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import dev.resilience.actuate.ResilienceKind.WriteResult;
import dev.resilience.timelimiter.TimeLimiter;
import dev.resilience.timelimiter.TimeLimiterConfig;
import dev.resilience.timelimiter.TimeLimiterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TimeLimiterKind}.
 *
 * @author Resilience
 */
class TimeLimiterKindTests {

	private static final TimeLimiterConfig PRICING = new TimeLimiterConfig(Duration.ofMillis(2500), false);

	private final TimeLimiterRegistry registry = TimeLimiters.registry(Map.of("pricing", PRICING));

	private final TimeLimiterKind kind = new TimeLimiterKind(this.registry);

	@Test
	void isAddressedAsTimeLimiters() {
		assertThat(this.kind.path()).isEqualTo("time-limiters");
		assertThat(this.kind.key()).isEqualTo("timeLimiters");
	}

	@Test
	void summariesListInstancesInNameOrder() {
		this.registry.get("quotes");
		this.registry.get("accounts");
		assertThat(this.kind.summaries().keySet()).containsExactly("accounts", "pricing", "quotes");
	}

	@Test
	void summaryShowsCallCountersByOutcome() {
		TimeLimiter pricing = this.registry.get("pricing");
		pricing.onSuccess();
		pricing.onSuccess();
		pricing.onSuccess();
		pricing.onError(new IOException("Connection reset"));
		pricing.onTimeout();
		pricing.onTimeout();
		assertThat(this.kind.summaries()).containsExactly(Map.entry("pricing", new TimeLimiterKind.Summary(3, 1, 2)));
	}

	@Test
	void describeShowsEffectiveConfigurationWithPropertyNames() {
		InstanceDescription description = this.kind.describe("pricing");
		assertThat(description).isNotNull();
		assertThat(description.name()).isEqualTo("pricing");
		assertThat(description.state()).isEqualTo(new TimeLimiterKind.Summary(0, 0, 0));
		assertThat(description.config()).containsExactly(Map.entry("timeout", "PT2.5S"),
				Map.entry("cancel-running", false));
	}

	@Test
	void describeShowsRecentEvents() {
		TimeLimiter pricing = this.registry.get("pricing");
		pricing.onSuccess();
		pricing.onTimeout();
		InstanceDescription description = this.kind.describe("pricing");
		assertThat(description).isNotNull();
		assertThat(description.events()).singleElement().satisfies((event) -> {
			assertThat(event.type()).isEqualTo("TIMEOUT");
			assertThat(event.message()).contains("2500ms");
			assertThat(event.timestamp()).isNotBlank();
		});
	}

	@Test
	void describeAnswersNullForUnknownInstanceWithoutCreatingIt() {
		assertThat(this.kind.describe("unknown")).isNull();
		assertThat(this.registry.find("unknown")).isEmpty();
	}

	@Test
	void refusesWrites() {
		WriteResult result = this.kind.write("pricing", Map.of("state", "OPEN"));
		assertThat(result.status()).isEqualTo(WriteResult.Status.BAD_REQUEST);
		assertThat(result.body())
			.hasToString("{message=Instances of time-limiters cannot be changed through the endpoint}");
	}

}
