package dev.resilience.actuate;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import dev.resilience.actuate.ResilienceKind.WriteResult;
import dev.resilience.core.Scheduler;
import dev.resilience.core.Sleeper;
import dev.resilience.ratelimiter.PermitStore;
import dev.resilience.ratelimiter.RateLimiter;
import dev.resilience.ratelimiter.RateLimiterAlgorithm;
import dev.resilience.ratelimiter.RateLimiterBackend;
import dev.resilience.ratelimiter.RateLimiterConfig;
import dev.resilience.ratelimiter.RateLimiterRegistry;
import dev.resilience.ratelimiter.RedisFailureMode;
import dev.resilience.testsupport.ManualTimeSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RateLimiterKind}.
 *
 * @author Resilience
 */
class RateLimiterKindTests {

	private static final RateLimiterConfig SEARCH = RateLimiterConfig.builder()
		.limit(10)
		.period(Duration.ofMinutes(1))
		.burst(3)
		.maxKeys(2)
		.build();

	private static final RateLimiterConfig EXPORTS = RateLimiterConfig.builder()
		.algorithm(RateLimiterAlgorithm.SLIDING_WINDOW)
		.limit(5)
		.period(Duration.ofMillis(1500))
		.timeout(Duration.ofMillis(250))
		.maxKeys(1000)
		.build();

	private final ManualTimeSource clock = new ManualTimeSource();

	private final RateLimiterRegistry registry = new RateLimiterRegistry(RateLimiterConfig.ofDefaults(),
			Map.of("search", SEARCH, "exports", EXPORTS), this.clock, Sleeper.system(), Scheduler.commonPool());

	private final RateLimiterKind kind = new RateLimiterKind(this.registry);

	@Test
	void isAddressedAsRateLimiters() {
		assertThat(this.kind.path()).isEqualTo("rate-limiters");
		assertThat(this.kind.key()).isEqualTo("rateLimiters");
	}

	@Test
	void summariesListInstancesInNameOrder() {
		this.registry.get("billing");
		assertThat(this.kind.summaries().keySet()).containsExactly("billing", "exports", "search");
	}

	@Test
	void summaryOfUnusedInstanceShowsFullBucket() {
		assertThat(this.kind.summaries().get("search"))
			.isEqualTo(new RateLimiterKind.Summary(3, 0, 0, 0, 0, "local", null));
	}

	@Test
	void summaryShowsLiveStateAndCountersOverAllKeys() {
		RateLimiter search = this.registry.get("search");
		for (int i = 0; i < 3; i++) {
			assertThat(search.reserve(RateLimiter.DEFAULT_KEY, 0)).isZero();
		}
		assertThat(search.reserve(RateLimiter.DEFAULT_KEY, 0)).isEqualTo(RateLimiter.NO_PERMIT);
		assertThat(search.reserve("alice", 0)).isZero();
		assertThat(search.reserve("bob", 0)).isZero();
		assertThat(search.reserve("carol", 0)).isEqualTo(RateLimiter.NO_PERMIT);
		assertThat(this.kind.summaries().get("search"))
			.isEqualTo(new RateLimiterKind.Summary(0, 2, 5, 2, 1, "local", null));
	}

	@Test
	void describeShowsEffectiveConfigurationWithPropertyNames() {
		InstanceDescription description = this.kind.describe("exports");
		assertThat(description).isNotNull();
		assertThat(description.name()).isEqualTo("exports");
		assertThat(description.state()).isEqualTo(new RateLimiterKind.Summary(5, 0, 0, 0, 0, "local", null));
		assertThat(description.config()).containsExactly(Map.entry("algorithm", "sliding-window"),
				Map.entry("limit", 5), Map.entry("period", "PT1.5S"), Map.entry("burst", 100),
				Map.entry("timeout", "PT0.25S"), Map.entry("max-keys", 1000), Map.entry("backend", "local"),
				Map.entry("redis-failure-mode", "local"));
	}

	@Test
	void describeShowsDefaultConfigurationOfInstanceNotNamedInConfiguration() {
		this.registry.get("billing");
		InstanceDescription description = this.kind.describe("billing");
		assertThat(description).isNotNull();
		assertThat(description.config()).containsExactly(Map.entry("algorithm", "token-bucket"),
				Map.entry("limit", 100), Map.entry("period", "PT1S"), Map.entry("burst", 100),
				Map.entry("timeout", "PT0S"), Map.entry("max-keys", 100_000), Map.entry("backend", "local"),
				Map.entry("redis-failure-mode", "local"));
	}

	@Test
	void summaryShowsRemoteBackendAndItsHealth() {
		RemoteStore store = new RemoteStore();
		RateLimiterConfig config = RateLimiterConfig.builder()
			.backend(RateLimiterBackend.REDIS)
			.redisFailureMode(RedisFailureMode.DENY)
			.build();
		RateLimiterRegistry registry = new RateLimiterRegistry(RateLimiterConfig.ofDefaults(), Map.of("search", config),
				this.clock, Sleeper.system(), Scheduler.commonPool(),
				(name, settings, local, events, timeSource) -> store);
		RateLimiterKind kind = new RateLimiterKind(registry);
		assertThat(kind.summaries().get("search"))
			.isEqualTo(new RateLimiterKind.Summary(42, 0, 0, 0, 0, "redis", "UP"));
		store.available = false;
		InstanceDescription description = kind.describe("search");
		assertThat(description).isNotNull();
		assertThat(description.state()).isEqualTo(new RateLimiterKind.Summary(42, 0, 0, 0, 0, "redis", "DOWN"));
		assertThat(description.config()).containsEntry("backend", "redis").containsEntry("redis-failure-mode", "deny");
	}

	@Test
	void describeShowsRecentEvents() {
		RateLimiter search = this.registry.get("search");
		search.reserve("alice", 0);
		search.reserve("bob", 0);
		search.reserve("carol", 0);
		for (int i = 0; i < 4; i++) {
			search.reserve(RateLimiter.DEFAULT_KEY, 0);
		}
		InstanceDescription description = this.kind.describe("search");
		assertThat(description).isNotNull();
		assertThat(description.events()).extracting(InstanceDescription.Event::type)
			.containsExactly("KEY_CAP_REACHED", "REJECTED");
		assertThat(description.events()).allSatisfy((event) -> {
			assertThat(event.timestamp()).isEqualTo("2026-01-01T00:00:00Z");
			assertThat(event.message()).isNotBlank();
			assertThat(event.error()).isNull();
		});
	}

	@Test
	void describeAnswersNullForUnknownInstanceWithoutCreatingIt() {
		assertThat(this.kind.describe("unknown")).isNull();
		assertThat(this.registry.find("unknown")).isEmpty();
	}

	/**
	 * A remote store that answers nothing, only its health.
	 */
	static final class RemoteStore implements PermitStore {

		volatile boolean available = true;

		@Override
		public long reserve(Object key, long maxWaitNanos) {
			throw new UnsupportedOperationException();
		}

		@Override
		public CompletionStage<Long> reserveAsync(Object key, long maxWaitNanos) {
			throw new UnsupportedOperationException();
		}

		@Override
		public long availablePermits() {
			return 42;
		}

		@Override
		public boolean isAvailable() {
			return this.available;
		}

	}

	@Test
	void refusesWrites() {
		WriteResult result = this.kind.write("search", Map.of("state", "OPEN"));
		assertThat(result.status()).isEqualTo(WriteResult.Status.BAD_REQUEST);
		assertThat(result.body())
			.hasToString("{message=Instances of rate-limiters cannot be changed through the endpoint}");
	}

}
