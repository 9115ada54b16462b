package dev.resilience.actuate;

import java.util.List;
import java.util.Map;

import dev.resilience.bulkhead.BulkheadRegistry;
import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerRegistry;
import dev.resilience.ratelimiter.RateLimiterRegistry;
import dev.resilience.retry.RetryRegistry;
import dev.resilience.timelimiter.TimeLimiterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ResilienceEndpoint}.
 *
 * @author Resilience
 */
class ResilienceEndpointTests {

	private final CircuitBreakerRegistry circuitBreakers = CircuitBreakerRegistry.ofDefaults();

	private final RetryRegistry retries = Retries.registry(Map.of());

	private final ResilienceEndpoint endpoint = new ResilienceEndpoint(
			List.of(new RetryKind(this.retries), new CircuitBreakerKind(this.circuitBreakers)));

	@Test
	void summaryAnswersEveryPatternKeyInOrderEvenWithoutKinds() {
		Map<String, Object> summary = new ResilienceEndpoint(List.of()).resilience();
		assertThat(summary.keySet()).containsExactly("circuitBreakers", "retries", "rateLimiters", "bulkheads",
				"timeLimiters", "sagas");
		assertThat(summary.values()).allSatisfy((instances) -> assertThat(instances).isEqualTo(Map.of()));
	}

	@Test
	void summaryKeepsPatternOrderWhateverTheOrderOfKinds() {
		assertThat(this.endpoint.resilience().keySet()).containsExactly("circuitBreakers", "retries", "rateLimiters",
				"bulkheads", "timeLimiters", "sagas");
	}

	@Test
	void summaryShowsInstancesOfEachKind() {
		this.circuitBreakers.get("inventory");
		this.retries.get("inventory").onSuccess(1);
		Map<String, Object> summary = this.endpoint.resilience();
		assertThat(summary.get("circuitBreakers")).isInstanceOfSatisfying(Map.class,
				(instances) -> assertThat(instances).containsOnlyKeys("inventory"));
		assertThat(summary.get("retries")).isEqualTo(Map.of("inventory", new RetryKind.Summary(1, 0, 0, 0)));
	}

	@Test
	void summaryAppendsKindsWithOtherKeys() {
		ResilienceEndpoint endpoint = new ResilienceEndpoint(List.of(new StaticKind("caches", "caches")));
		assertThat(endpoint.resilience().keySet()).containsExactly("circuitBreakers", "retries", "rateLimiters",
				"bulkheads", "timeLimiters", "sagas", "caches");
	}

	@Test
	void instanceIsDescribedByItsKind() {
		this.circuitBreakers.get("inventory");
		assertThat(this.endpoint.instance("circuit-breakers", "inventory")).isInstanceOfSatisfying(
				InstanceDescription.class, (description) -> assertThat(description.name()).isEqualTo("inventory"));
	}

	@Test
	void instancesOfEveryPatternAreDescribedUnderTheirPath() {
		RateLimiterRegistry rateLimiters = RateLimiterRegistry.ofDefaults();
		BulkheadRegistry bulkheads = BulkheadRegistry.ofDefaults();
		TimeLimiterRegistry timeLimiters = TimeLimiters.registry(Map.of());
		ResilienceEndpoint endpoint = new ResilienceEndpoint(List.of(new CircuitBreakerKind(this.circuitBreakers),
				new RetryKind(this.retries), new RateLimiterKind(rateLimiters), new BulkheadKind(bulkheads),
				new TimeLimiterKind(timeLimiters)));
		rateLimiters.get("search");
		bulkheads.get("reports");
		timeLimiters.get("pricing");
		assertThat(endpoint.instance("rate-limiters", "search")).isInstanceOfSatisfying(InstanceDescription.class,
				(description) -> assertThat(description.state()).isInstanceOf(RateLimiterKind.Summary.class));
		assertThat(endpoint.instance("bulkheads", "reports")).isInstanceOfSatisfying(InstanceDescription.class,
				(description) -> assertThat(description.state()).isInstanceOf(BulkheadKind.Summary.class));
		assertThat(endpoint.instance("time-limiters", "pricing")).isInstanceOfSatisfying(InstanceDescription.class,
				(description) -> assertThat(description.state()).isInstanceOf(TimeLimiterKind.Summary.class));
		assertThat(endpoint.instance("bulkheads", "search")).isNull();
		Map<String, Object> summary = endpoint.resilience();
		assertThat(summary.get("rateLimiters")).isInstanceOfSatisfying(Map.class,
				(instances) -> assertThat(instances).containsOnlyKeys("search"));
		assertThat(summary.get("bulkheads")).isInstanceOfSatisfying(Map.class,
				(instances) -> assertThat(instances).containsOnlyKeys("reports"));
		assertThat(summary.get("timeLimiters")).isInstanceOfSatisfying(Map.class,
				(instances) -> assertThat(instances).containsOnlyKeys("pricing"));
	}

	@Test
	void instanceIsNullForUnknownKindOrName() {
		this.circuitBreakers.get("inventory");
		assertThat(this.endpoint.instance("bulkheads", "inventory")).isNull();
		assertThat(this.endpoint.instance("circuitBreakers", "inventory")).isNull();
		assertThat(this.endpoint.instance("circuit-breakers", "unknown")).isNull();
	}

	@Test
	void updateChangesCircuitBreakerState() {
		this.circuitBreakers.get("inventory");
		WebEndpointResponse<Object> response = this.endpoint.update("circuit-breakers", "inventory", "OPEN", null);
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getBody()).isInstanceOfSatisfying(CircuitBreakerKind.Summary.class,
				(summary) -> assertThat(summary.state()).isEqualTo("OPEN"));
		assertThat(this.circuitBreakers.get("inventory").state()).isEqualTo(CircuitBreaker.State.OPEN);
	}

	@Test
	void updateAnswersBadRequestForHalfOpenOrMissingState() {
		this.circuitBreakers.get("inventory");
		assertThat(this.endpoint.update("circuit-breakers", "inventory", "HALF_OPEN", null).getStatus()).isEqualTo(400);
		assertThat(this.endpoint.update("circuit-breakers", "inventory", null, null).getStatus()).isEqualTo(400);
	}

	@Test
	void updateAnswersNotFoundForUnknownNameOrKind() {
		assertThat(this.endpoint.update("circuit-breakers", "unknown", "OPEN", null).getStatus()).isEqualTo(404);
		assertThat(this.endpoint.update("bulkheads", "inventory", "OPEN", null).getStatus()).isEqualTo(404);
	}

	@Test
	void updateAnswersBadRequestForKindThatTakesNoChanges() {
		this.retries.get("inventory");
		WebEndpointResponse<Object> response = this.endpoint.update("retries", "inventory", "OPEN", null);
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getBody())
			.isEqualTo(Map.of("message", "Instances of retries cannot be changed through the endpoint"));
	}

	@Test
	void updatePassesOnlyTheFieldsPresent() {
		StaticKind kind = new StaticKind("sagas", "sagas");
		ResilienceEndpoint endpoint = new ResilienceEndpoint(List.of(kind));
		WebEndpointResponse<Object> response = endpoint.update("sagas", "42", null, "retry-compensation");
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(kind.written).isEqualTo(Map.of("action", "retry-compensation"));
	}

	@Test
	void refusesKindsSharingAPath() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ResilienceEndpoint(
					List.of(new StaticKind("sagas", "sagas"), new StaticKind("sagas", "orchestrations"))))
			.withMessageContaining("share the path 'sagas'");
	}

	@Test
	void refusesKindsSharingAKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ResilienceEndpoint(
					List.of(new StaticKind("sagas", "sagas"), new StaticKind("orchestrations", "sagas"))))
			.withMessageContaining("share the key 'sagas'");
	}

	static final class StaticKind implements ResilienceKind {

		private final String path;

		private final String key;

		@Nullable Map<String, Object> written;

		StaticKind(String path, String key) {
			this.path = path;
			this.key = key;
		}

		@Override
		public String path() {
			return this.path;
		}

		@Override
		public String key() {
			return this.key;
		}

		@Override
		public Map<String, Object> summaries() {
			return Map.of();
		}

		@Override
		public @Nullable Object describe(String name) {
			return null;
		}

		@Override
		public WriteResult write(String name, Map<String, Object> body) {
			this.written = body;
			return WriteResult.ok(Map.of("id", name));
		}

	}

}
