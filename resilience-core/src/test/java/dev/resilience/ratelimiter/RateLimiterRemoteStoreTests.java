package dev.resilience.ratelimiter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

import dev.resilience.core.EventBuffer;
import dev.resilience.core.TimeSource;
import dev.resilience.testsupport.ManualScheduler;
import dev.resilience.testsupport.ManualTimeSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for a {@link RateLimiter} whose buckets live in a remote {@link PermitStore}.
 *
 * @author Resilience
 */
class RateLimiterRemoteStoreTests {

	private static final RateLimiterConfig REMOTE = RateLimiterConfig.builder()
		.limit(3)
		.period(Duration.ofSeconds(1))
		.burst(3)
		.backend(RateLimiterBackend.REDIS)
		.build();

	private final ManualTimeSource clock = new ManualTimeSource();

	private final ManualScheduler scheduler = new ManualScheduler();

	private final RemoteStore store = new RemoteStore();

	@Test
	void remoteBackendWithoutStoreFactoryIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RateLimiter("search", REMOTE, this.clock, Limiters.NO_SLEEP, this.scheduler))
			.withMessage(
					"RateLimiter 'search' has backend REDIS, but no PermitStoreFactory was given to create its store");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RateLimiterRegistry(REMOTE, Map.of(), this.clock, Limiters.NO_SLEEP, this.scheduler))
			.withMessage("The default backend is REDIS, but no PermitStoreFactory was given to create its stores");
	}

	@Test
	void localBackendIgnoresTheStoreFactory() {
		RateLimiter limiter = new RateLimiter("search", RateLimiterConfig.ofDefaults(), this.clock, Limiters.NO_SLEEP,
				this.scheduler, (name, config, local, events, timeSource) -> {
					throw new AssertionError("asked for a remote store");
				});
		assertThat(limiter.isRemote()).isFalse();
		assertThat(limiter.isBackendAvailable()).isTrue();
		assertThat(limiter.reservePermissionAsync(RateLimiter.DEFAULT_KEY)).isCompletedWithValue(0L);
	}

	@Test
	void storeFactoryIsGivenTheLimitersOwnLocalBucketsEventsAndClock() {
		RateLimiter limiter = remote();
		assertThat(limiter.isRemote()).isTrue();
		assertThat(this.store.created.name).isEqualTo("search");
		assertThat(this.store.created.config).isSameAs(REMOTE);
		assertThat(this.store.created.events).isSameAs(limiter.events());
		assertThat(this.store.created.timeSource).isSameAs(this.clock);
		// the local store: same settings, its own buckets
		PermitStore local = this.store.created.local;
		for (int i = 0; i < 3; i++) {
			assertThat(local.reserve(RateLimiter.DEFAULT_KEY, 0)).isZero();
		}
		assertThat(local.reserve(RateLimiter.DEFAULT_KEY, 0)).isNegative();
		assertThat(local.availablePermits()).isZero();
	}

	@Test
	void synchronousCallsAskTheStoreAndCountItsAnswers() {
		RateLimiter limiter = remote();
		this.store.answers.add(0L);
		this.store.answers.add(PermitStore.rejected(Duration.ofMillis(250).toNanos()));
		limiter.acquirePermission("alice");
		assertThatExceptionOfType(RateLimitExceededException.class).isThrownBy(() -> limiter.acquirePermission("alice"))
			.satisfies((ex) -> assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofMillis(250)));
		assertThat(this.store.syncKeys).containsExactly("alice", "alice");
		assertThat(limiter.metrics().permittedCalls()).isOne();
		assertThat(limiter.metrics().rejectedCalls()).isOne();
		assertThat(limiter.metrics().availablePermits()).isEqualTo(42);
	}

	@Test
	void asynchronousCallWaitsForTheStoresAnswerWithoutBlocking() {
		RateLimiter limiter = remote();
		CompletableFuture<String> result = limiter.executeAsync(RateLimiter.DEFAULT_KEY, "sku",
				(context) -> CompletableFuture.completedFuture("called with " + context));
		assertThat(result).isNotDone();
		assertThat(this.store.syncKeys).isEmpty();
		assertThat(this.store.pending).hasSize(1);
		this.store.pending.get(0).complete(0L);
		assertThat(result).isCompletedWithValue("called with sku");
		assertThat(limiter.metrics().permittedCalls()).isOne();
	}

	@Test
	void asynchronousCallWithReservedPermitIsScheduledAfterItsWait() {
		RateLimiter limiter = remote();
		CompletableFuture<String> result = limiter.executeAsync(RateLimiter.DEFAULT_KEY, "sku",
				(context) -> CompletableFuture.completedFuture("called"));
		this.store.pending.get(0).complete(Duration.ofMillis(80).toNanos());
		assertThat(result).isNotDone();
		assertThat(this.scheduler.delays()).containsExactly(Duration.ofMillis(80).toNanos());
		this.scheduler.runAll();
		assertThat(result).isCompletedWithValue("called");
	}

	@Test
	void asynchronousRejectionFailsTheFutureAndTheCallIsNotMade() throws Exception {
		RateLimiter limiter = remote();
		List<String> calls = new ArrayList<>();
		CompletableFuture<String> result = limiter.executeAsync(RateLimiter.DEFAULT_KEY, "sku", (context) -> {
			calls.add(context);
			return CompletableFuture.completedFuture("called");
		});
		this.store.pending.get(0).complete(PermitStore.rejected(Duration.ofSeconds(2).toNanos()));
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(result::get)
			.havingCause()
			.isInstanceOfSatisfying(RateLimitExceededException.class,
					(ex) -> assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(2)));
		assertThat(calls).isEmpty();
		assertThat(limiter.metrics().rejectedCalls()).isOne();
	}

	@Test
	void failureOfTheStoreFailsTheFutureUnwrapped() {
		RateLimiter limiter = remote();
		CompletableFuture<Long> permit = limiter.reservePermissionAsync("alice");
		IllegalStateException failure = new IllegalStateException("store broke");
		this.store.pending.get(0).completeExceptionally(failure);
		assertThat(permit).isCompletedExceptionally();
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(permit::get).withCause(failure);
	}

	@Test
	void backendHealthIsTheStores() {
		RateLimiter limiter = remote();
		assertThat(limiter.isBackendAvailable()).isTrue();
		this.store.available = false;
		assertThat(limiter.isBackendAvailable()).isFalse();
	}

	@Test
	void registryCreatesRemoteInstancesWithItsStoreFactory() {
		RateLimiterRegistry registry = new RateLimiterRegistry(RateLimiterConfig.ofDefaults(), Map.of("search", REMOTE),
				this.clock, Limiters.NO_SLEEP, this.scheduler, this.store);
		assertThat(registry.get("search").isRemote()).isTrue();
		assertThat(registry.get("other").isRemote()).isFalse();
	}

	private RateLimiter remote() {
		return new RateLimiter("search", REMOTE, this.clock, Limiters.NO_SLEEP, this.scheduler, this.store);
	}

	/**
	 * A remote store that answers synchronous calls from a queue and keeps asynchronous
	 * ones pending until the test completes them.
	 */
	static final class RemoteStore implements PermitStore, PermitStoreFactory {

		final List<Long> answers = new ArrayList<>();

		final List<Object> syncKeys = new ArrayList<>();

		final List<CompletableFuture<Long>> pending = new ArrayList<>();

		volatile boolean available = true;

		Created created;

		@Override
		public PermitStore create(String name, RateLimiterConfig config, PermitStore local, EventBuffer events,
				TimeSource timeSource) {
			this.created = new Created(name, config, local, events, timeSource);
			return this;
		}

		@Override
		public long reserve(Object key, long maxWaitNanos) {
			this.syncKeys.add(key);
			return this.answers.remove(0);
		}

		@Override
		public CompletionStage<Long> reserveAsync(Object key, long maxWaitNanos) {
			CompletableFuture<Long> answer = new CompletableFuture<>();
			this.pending.add(answer);
			return answer;
		}

		@Override
		public long availablePermits() {
			return 42;
		}

		@Override
		public boolean isAvailable() {
			return this.available;
		}

		record Created(String name, RateLimiterConfig config, PermitStore local, EventBuffer events,
				TimeSource timeSource) {
		}

	}

}
