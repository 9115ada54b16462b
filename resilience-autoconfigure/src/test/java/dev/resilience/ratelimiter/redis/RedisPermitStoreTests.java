package dev.resilience.ratelimiter.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import dev.resilience.core.ResilienceEvent;
import dev.resilience.core.Scheduler;
import dev.resilience.core.Sleeper;
import dev.resilience.core.TimeSource;
import dev.resilience.ratelimiter.RateLimitExceededException;
import dev.resilience.ratelimiter.RateLimiter;
import dev.resilience.ratelimiter.RateLimiterBackend;
import dev.resilience.ratelimiter.RateLimiterConfig;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.resource.ClientResources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the Redis backend against a real Redis that answers: one round trip per
 * permit, keys and their expiry, waits and retry-after, and reloading the script.
 *
 * @author Resilience
 */
class RedisPermitStoreTests {

	private static final AtomicInteger names = new AtomicInteger();

	private static TestRedisServer redis;

	private static ClientResources resources;

	private static LettuceConnectionFactory connectionFactory;

	private static RedisPermitStoreFactory stores;

	@BeforeAll
	static void connect() {
		redis = TestRedisServer.shared();
		resources = TestRedisServer.quickReconnect();
		connectionFactory = redis.connectionFactory(resources);
		stores = new RedisPermitStoreFactory(connectionFactory, Duration.ofSeconds(1), Duration.ofMillis(200));
	}

	@AfterAll
	static void disconnect() {
		stores.close();
		connectionFactory.destroy();
		resources.shutdown();
	}

	@Test
	void eachPermitIsOneEvalshaOnTheHappyPath() {
		RateLimiter limiter = limiter(RateLimiterConfig.builder().limit(50).period(Duration.ofMinutes(1)).burst(50));
		limiter.reserve(RateLimiter.DEFAULT_KEY, 0);
		admin().configResetstat();
		List<CompletableFuture<Long>> async = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			limiter.reserve(RateLimiter.DEFAULT_KEY, 0);
			limiter.reserve("tenant-" + (i % 3), 0);
			async.add(limiter.reservePermissionAsync("tenant-" + (i % 5)).exceptionally((failure) -> -1L));
		}
		async.forEach(CompletableFuture::join);
		Map<String, Long> calls = redis.commandCalls();
		long permitted = limiter.metrics().permittedCalls() - 1;
		assertThat(permitted + limiter.metrics().rejectedCalls()).isEqualTo(180);
		// Redis counts the commands the script runs too: one TIME and one GET each, and a
		// SET for each permit granted; the only other is this test's CONFIG RESETSTAT
		assertThat(calls).containsOnlyKeys("evalsha", "time", "get", "set", "config")
			.containsEntry("evalsha", 180L)
			.containsEntry("time", 180L)
			.containsEntry("get", 180L)
			.containsEntry("set", permitted);
	}

	@Test
	void keepsBucketsUnderHashTaggedKeysOfTheInstanceAndKey() {
		RateLimiter limiter = limiter(RateLimiterConfig.builder().period(Duration.ofMinutes(1)));
		limiter.reserve(RateLimiter.DEFAULT_KEY, 0);
		limiter.reserve("alice", 0);
		assertThat(admin().exists("resilience:rl:{" + limiter.name() + "}")).isOne();
		assertThat(admin().exists("resilience:rl:{" + limiter.name() + "}:alice")).isOne();
		assertThat(admin().keys("resilience:rl:{" + limiter.name() + "*")).hasSize(2);
	}

	@Test
	void idleKeyExpiresOnceItsBucketIsFullAgain() {
		Duration period = Duration.ofMillis(300);
		RateLimiter limiter = limiter(RateLimiterConfig.builder().limit(5).period(period).burst(5));
		String key = "resilience:rl:{" + limiter.name() + "}:bob";
		long start = System.nanoTime();
		for (int i = 0; i < 5; i++) {
			assertThat(limiter.reserve("bob", 0)).isZero();
		}
		assertThat(limiter.reserve("bob", 0)).isEqualTo(RateLimiter.NO_PERMIT);
		// full again one period after the first permit, plus the millisecond PX rounds up
		assertThat(admin().pttl(key)).isBetween(1L, period.toMillis() + 1);
		await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(10)).until(() -> admin().exists(key) == 0);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(period.plusSeconds(1));
	}

	@Test
	void retryAfterIsTheWaitUntilTheNextPermit() {
		RateLimiter limiter = limiter(RateLimiterConfig.builder().limit(1).period(Duration.ofSeconds(1)).burst(1));
		String key = "resilience:rl:{" + limiter.name() + "}";
		limiter.acquirePermission(RateLimiter.DEFAULT_KEY);
		AtomicReference<RateLimitExceededException> rejection = new AtomicReference<>();
		assertThatExceptionOfType(RateLimitExceededException.class)
			.isThrownBy(() -> limiter.acquirePermission(RateLimiter.DEFAULT_KEY))
			.satisfies(rejection::set);
		long rejectedAt = System.nanoTime();
		Duration retryAfter = rejection.get().getRetryAfter();
		assertThat(retryAfter).isBetween(Duration.ofMillis(800), Duration.ofSeconds(1));
		// the key, which vanishes once the bucket is full again, lives as long as the
		// wait
		assertThat((double) admin().pttl(key)).isCloseTo(retryAfter.toMillis(), within(100.0));
		// the permit is back after the wait, never before (how long after is up to a
		// loaded machine's scheduling)
		await().atMost(retryAfter.plusSeconds(3))
			.pollInterval(Duration.ofMillis(10))
			.until(() -> limiter.reserve(RateLimiter.DEFAULT_KEY, 0) == 0);
		assertThat(Duration.ofNanos(System.nanoTime() - rejectedAt)).isGreaterThan(retryAfter.minusMillis(5));
	}

	@Test
	void reservesPermitsAheadWithinTheCallersTimeout() {
		RateLimiter limiter = limiter(RateLimiterConfig.builder()
			.limit(1)
			.period(Duration.ofMillis(400))
			.burst(1)
			.timeout(Duration.ofSeconds(1)));
		long timeout = Duration.ofSeconds(1).toNanos();
		long start = System.nanoTime();
		assertThat(limiter.reserve(RateLimiter.DEFAULT_KEY, timeout)).isZero();
		long second = limiter.reserve(RateLimiter.DEFAULT_KEY, timeout);
		long third = limiter.reserve(RateLimiter.DEFAULT_KEY, timeout);
		long elapsed = System.nanoTime() - start;
		// each reserved permit queues one interval behind the one before
		assertThat(second).isBetween(Duration.ofMillis(400).toNanos() - elapsed, Duration.ofMillis(400).toNanos());
		assertThat(third - second).isCloseTo(Duration.ofMillis(400).toNanos(), within(elapsed + 1_000));
		assertThatExceptionOfType(RateLimitExceededException.class)
			.isThrownBy(() -> limiter.reservePermission(RateLimiter.DEFAULT_KEY))
			.satisfies((ex) -> assertThat(ex.getRetryAfter()).isGreaterThan(Duration.ofSeconds(1)));
		assertThat(limiter.metrics().availablePermits()).isEqualTo(-2);
	}

	@Test
	void keepsTheInstantExactlyWhenTheIntervalIsNotAWholeMicrosecond() {
		// 3 permits per second: one every 333 333 1/3 µs, reserved far ahead so that the
		// bucket never fills up in between, whatever the round trips take
		Duration timeout = Duration.ofHours(1);
		RateLimiter limiter = limiter(
				RateLimiterConfig.builder().limit(3).period(Duration.ofSeconds(1)).burst(1).timeout(timeout));
		String key = "resilience:rl:{" + limiter.name() + "}";
		assertThat(limiter.reserve(RateLimiter.DEFAULT_KEY, timeout.toNanos())).isZero();
		String first = admin().get(key);
		for (int i = 0; i < 3000; i++) {
			assertThat(limiter.reserve(RateLimiter.DEFAULT_KEY, timeout.toNanos())).isPositive();
		}
		String last = admin().get(key);
		admin().del(key);
		// 3000 permits later, the instant is exactly 1000 seconds further on
		long firstAt = Long.parseLong(first.substring(0, first.indexOf(':')));
		long lastAt = Long.parseLong(last.substring(0, last.indexOf(':')));
		assertThat(lastAt - firstAt).isEqualTo(1_000_000_000L);
		assertThat(last.substring(last.indexOf(':'))).isEqualTo(first.substring(first.indexOf(':')));
	}

	@Test
	void reloadsTheScriptWhenRedisHasLostIt() {
		RateLimiter limiter = limiter(RateLimiterConfig.builder().limit(10).period(Duration.ofMinutes(1)).burst(10));
		assertThat(limiter.reserve(RateLimiter.DEFAULT_KEY, 0)).isZero();
		admin().scriptFlush();
		admin().configResetstat();
		assertThat(admin().scriptExists(GcraScript.SHA1)).containsExactly(false);
		assertThat(limiter.reserve(RateLimiter.DEFAULT_KEY, 0)).isZero();
		assertThat(admin().scriptExists(GcraScript.SHA1)).containsExactly(true);
		Map<String, Long> calls = redis.commandCalls();
		assertThat(calls).containsEntry("evalsha", 1L).containsEntry("eval", 1L);
		assertThat(limiter.reserve(RateLimiter.DEFAULT_KEY, 0)).isZero();
		assertThat(redis.commandCalls()).containsEntry("evalsha", 2L).containsEntry("eval", 1L);
		assertThat(limiter.isBackendAvailable()).isTrue();
		assertThat(limiter.events().recent()).extracting(ResilienceEvent::type).isEmpty();
		assertThat(limiter.metrics().availablePermits()).isEqualTo(7);
	}

	@Test
	void asynchronousCallsStartOffTheRedisClientsThreads() {
		RateLimiter limiter = limiter(RateLimiterConfig.builder().period(Duration.ofMinutes(1)));
		limiter.reserve(RateLimiter.DEFAULT_KEY, 0);
		// Redis holds every client's commands for a moment, so that the answer comes
		// after the call is set up, on whatever thread completes it
		admin().clientPause(100);
		String thread = limiter
			.executeAsync(RateLimiter.DEFAULT_KEY, "call",
					(context) -> CompletableFuture.completedFuture(Thread.currentThread().getName()))
			.join();
		// Lettuce's computation pool, never its I/O event loop
		assertThat(thread).contains("eventExecutorLoop").doesNotContain("EventLoop");
	}

	@Test
	void asynchronousRejectionFailsTheFutureWithRetryAfter() {
		RateLimiter limiter = limiter(RateLimiterConfig.builder().limit(1).period(Duration.ofMinutes(1)).burst(1));
		assertThat(limiter.reservePermissionAsync(RateLimiter.DEFAULT_KEY).join()).isZero();
		CompletableFuture<String> rejected = limiter.executeAsync(RateLimiter.DEFAULT_KEY, "call",
				(context) -> CompletableFuture.completedFuture("called"));
		assertThat(rejected).failsWithin(Duration.ofSeconds(2))
			.withThrowableOfType(java.util.concurrent.ExecutionException.class)
			.havingCause()
			.isInstanceOfSatisfying(RateLimitExceededException.class,
					(ex) -> assertThat(ex.getRetryAfter()).isGreaterThan(Duration.ofSeconds(50)));
		assertThat(limiter.metrics().rejectedCalls()).isOne();
	}

	private static RedisCommands<String, String> admin() {
		return redis.admin();
	}

	private static RateLimiter limiter(RateLimiterConfig.Builder config) {
		return new RateLimiter("store-" + names.incrementAndGet(), config.backend(RateLimiterBackend.REDIS).build(),
				TimeSource.system(), Sleeper.system(), Scheduler.commonPool(), stores);
	}

}
