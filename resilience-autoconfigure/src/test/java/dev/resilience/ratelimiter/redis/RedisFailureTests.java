package dev.resilience.ratelimiter.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import dev.resilience.core.ResilienceEvent;
import dev.resilience.core.Scheduler;
import dev.resilience.core.Sleeper;
import dev.resilience.core.TimeSource;
import dev.resilience.ratelimiter.RateLimitExceededException;
import dev.resilience.ratelimiter.RateLimiter;
import dev.resilience.ratelimiter.RateLimiterBackend;
import dev.resilience.ratelimiter.RateLimiterConfig;
import dev.resilience.ratelimiter.RateLimiterEventType;
import dev.resilience.ratelimiter.RedisFailureMode;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.resource.ClientResources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the Redis backend when Redis hangs, dies, comes back or is not there at all:
 * callers never wait longer than the command timeout, the failure modes stand in, and the
 * limiter returns to Redis by itself.
 *
 * @author Resilience
 */
class RedisFailureTests {

	private static final Duration COMMAND_TIMEOUT = Duration.ofMillis(50);

	private static final Duration PROBE_INTERVAL = Duration.ofMillis(200);

	/**
	 * What a caller may wait beyond the command timeout: scheduling on a busy two-core
	 * machine, and the failure mode's own answer.
	 */
	private static final Duration MARGIN = Duration.ofMillis(150);

	/**
	 * What returning to Redis may take beyond the probe interval: the probe's own round
	 * trip, and Lettuce reconnecting (every 50 ms in these tests) after a restart.
	 */
	private static final Duration RETURN_MARGIN = Duration.ofMillis(400);

	private static final int BURST = 20;

	private static final int THREADS = 4;

	private static final AtomicInteger names = new AtomicInteger();

	private TestRedisServer redis;

	private ClientResources resources;

	private LettuceConnectionFactory connectionFactory;

	private RedisPermitStoreFactory stores;

	@BeforeEach
	void startRedis() {
		this.redis = TestRedisServer.start();
		this.resources = TestRedisServer.quickReconnect();
		this.connectionFactory = this.redis.connectionFactory(this.resources);
		this.stores = new RedisPermitStoreFactory(this.connectionFactory, COMMAND_TIMEOUT, PROBE_INTERVAL);
	}

	@AfterEach
	void stopRedis() {
		this.stores.close();
		this.connectionFactory.destroy();
		this.resources.shutdown();
		this.redis.close();
	}

	@Test
	void hungRedisCostsCallersAtMostTheTimeoutAndEachFailureModeStandsIn() throws Exception {
		RateLimiter local = limiter(RedisFailureMode.LOCAL);
		RateLimiter allow = limiter(RedisFailureMode.ALLOW);
		RateLimiter deny = limiter(RedisFailureMode.DENY);
		for (RateLimiter limiter : List.of(local, allow, deny)) {
			assertThat(limiter.reserve(RateLimiter.DEFAULT_KEY, 0)).isZero();
			assertThat(limiter.reserve(RateLimiter.DEFAULT_KEY, 0)).isZero();
		}
		this.redis.freeze();
		try {
			Outcomes local40 = hammer(local, THREADS, 10);
			Outcomes allow40 = hammer(allow, THREADS, 10);
			Outcomes deny40 = hammer(deny, THREADS, 10);
			for (Outcomes outcomes : List.of(local40, allow40, deny40)) {
				assertThat(outcomes.longestWait()).isLessThan(COMMAND_TIMEOUT.plus(MARGIN));
			}
			// local: a fresh local bucket of burst 20; allow: everything; deny: nothing
			assertThat(local40.admitted()).isEqualTo(BURST);
			assertThat(allow40.admitted()).isEqualTo(40);
			assertThat(deny40.admitted()).isZero();
			assertThat(deny40.longestRetryAfter()).isPositive().isLessThanOrEqualTo(PROBE_INTERVAL);
			for (RateLimiter limiter : List.of(local, allow, deny)) {
				assertThat(limiter.isBackendAvailable()).isFalse();
				assertThat(backendEvents(limiter)).containsExactly(RateLimiterEventType.BACKEND_DOWN.name());
			}
			assertThat(local.events().recent())
				.filteredOn((event) -> event.type().equals(RateLimiterEventType.BACKEND_DOWN.name()))
				.singleElement()
				.satisfies((event) -> assertThat(event.message()).contains("no answer within 50ms")
					.contains("redis-failure-mode local")
					.contains("probing every 200ms"));
		}
		finally {
			this.redis.thaw();
		}
		long thawed = System.nanoTime();
		await().atMost(PROBE_INTERVAL.plus(RETURN_MARGIN))
			.pollInterval(Duration.ofMillis(10))
			.until(() -> local.isBackendAvailable() && allow.isBackendAvailable() && deny.isBackendAvailable());
		assertThat(Duration.ofNanos(System.nanoTime() - thawed)).isLessThan(PROBE_INTERVAL.plus(RETURN_MARGIN));
		for (RateLimiter limiter : List.of(local, allow, deny)) {
			assertThat(backendEvents(limiter)).containsExactly(RateLimiterEventType.BACKEND_DOWN.name(),
					RateLimiterEventType.BACKEND_UP.name());
			// Redis's bucket again: of its 20 permits, 2 were taken before the freeze,
			// and
			// the calls that timed out (one to four, one per thread) ran once it thawed
			assertThat(drain(limiter)).isBetween(BURST - 2 - THREADS, BURST - 3);
		}
	}

	@Test
	void stoppedRedisIsProbedUntilItIsBackAndTheScriptIsLoadedAgain() throws Exception {
		RateLimiter limiter = limiter(RedisFailureMode.LOCAL);
		assertThat(limiter.reserve(RateLimiter.DEFAULT_KEY, 0)).isZero();
		this.redis.stop();
		Outcomes outcomes = hammer(limiter, THREADS, 10);
		assertThat(outcomes.longestWait()).isLessThan(COMMAND_TIMEOUT.plus(MARGIN));
		assertThat(outcomes.admitted()).isEqualTo(BURST);
		assertThat(limiter.isBackendAvailable()).isFalse();
		this.redis.restart();
		long restarted = System.nanoTime();
		await().atMost(PROBE_INTERVAL.plus(RETURN_MARGIN))
			.pollInterval(Duration.ofMillis(10))
			.until(limiter::isBackendAvailable);
		assertThat(Duration.ofNanos(System.nanoTime() - restarted)).isLessThan(PROBE_INTERVAL.plus(RETURN_MARGIN));
		// the probe found the new process without the script and loaded it again
		assertThat(this.redis.admin().scriptExists(GcraScript.SHA1)).containsExactly(true);
		this.redis.admin().configResetstat();
		// a new, empty Redis: a full bucket, less the calls that timed out (one per
		// thread at most), which Lettuce sent again once it had reconnected
		int admitted = drain(limiter);
		assertThat(admitted).isBetween(BURST - THREADS, BURST - 1);
		assertThat(this.redis.commandCalls()).containsEntry("evalsha", admitted + 1L).doesNotContainKey("eval");
	}

	@Test
	void unreachableRedisAtStartIsStoodInForUntilItAppears() throws Exception {
		int port = this.redis.port();
		this.redis.stop();
		LettuceConnectionFactory unreachable = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", port),
				LettuceClientConfiguration.builder()
					.clientResources(this.resources)
					.clientOptions(ClientOptions.builder()
						.socketOptions(SocketOptions.builder().connectTimeout(Duration.ofMillis(200)).build())
						.build())
					.build());
		unreachable.afterPropertiesSet();
		try (RedisPermitStoreFactory stores = new RedisPermitStoreFactory(unreachable, COMMAND_TIMEOUT,
				PROBE_INTERVAL)) {
			RateLimiter limiter = new RateLimiter("absent", config(RedisFailureMode.DENY), TimeSource.system(),
					Sleeper.system(), Scheduler.commonPool(), stores);
			assertThat(limiter.isBackendAvailable()).isFalse();
			Outcomes outcomes = hammer(limiter, 2, 10);
			assertThat(outcomes.admitted()).isZero();
			assertThat(outcomes.longestWait()).isLessThan(MARGIN);
			this.redis.restart();
			await().atMost(Duration.ofSeconds(3))
				.pollInterval(Duration.ofMillis(10))
				.until(limiter::isBackendAvailable);
			assertThat(drain(limiter)).isEqualTo(BURST);
			assertThat(backendEvents(limiter)).containsExactly(RateLimiterEventType.BACKEND_DOWN.name(),
					RateLimiterEventType.BACKEND_UP.name());
			assertThat(limiter.events().recent())
				.filteredOn((event) -> event.type().equals(RateLimiterEventType.BACKEND_DOWN.name()))
				.singleElement()
				.satisfies((event) -> assertThat(event.message()).contains("cannot connect"));
		}
		finally {
			unreachable.destroy();
		}
	}

	private RateLimiter limiter(RedisFailureMode failureMode) {
		return new RateLimiter("failure-" + names.incrementAndGet(), config(failureMode), TimeSource.system(),
				Sleeper.system(), Scheduler.commonPool(), this.stores);
	}

	private static RateLimiterConfig config(RedisFailureMode failureMode) {
		return RateLimiterConfig.builder()
			.limit(BURST)
			.period(Duration.ofMinutes(1))
			.burst(BURST)
			.backend(RateLimiterBackend.REDIS)
			.redisFailureMode(failureMode)
			.build();
	}

	private static List<String> backendEvents(RateLimiter limiter) {
		return limiter.events()
			.recent()
			.stream()
			.map(ResilienceEvent::type)
			.filter((type) -> type.startsWith("BACKEND_"))
			.toList();
	}

	private static int drain(RateLimiter limiter) {
		int admitted = 0;
		while (limiter.reserve(RateLimiter.DEFAULT_KEY, 0) == 0) {
			admitted++;
			assertThat(admitted).isLessThan(100);
		}
		return admitted;
	}

	/**
	 * Ask for permits from several threads at once, timing every call.
	 */
	private static Outcomes hammer(RateLimiter limiter, int threads, int callsEach) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			List<Future<Outcomes>> results = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				results.add(executor.submit(() -> {
					Outcomes outcomes = new Outcomes();
					for (int i = 0; i < callsEach; i++) {
						long start = System.nanoTime();
						try {
							limiter.acquirePermission(RateLimiter.DEFAULT_KEY);
							outcomes.admitted++;
						}
						catch (RateLimitExceededException ex) {
							outcomes.longestRetryAfter = max(outcomes.longestRetryAfter, ex.getRetryAfter());
						}
						outcomes.longestWait = max(outcomes.longestWait, Duration.ofNanos(System.nanoTime() - start));
					}
					return outcomes;
				}));
			}
			Outcomes total = new Outcomes();
			for (Future<Outcomes> result : results) {
				Outcomes outcomes = result.get();
				total.admitted += outcomes.admitted;
				total.longestWait = max(total.longestWait, outcomes.longestWait);
				total.longestRetryAfter = max(total.longestRetryAfter, outcomes.longestRetryAfter);
			}
			return total;
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

	private static final class Outcomes {

		int admitted;

		Duration longestWait = Duration.ZERO;

		Duration longestRetryAfter = Duration.ZERO;

		int admitted() {
			return this.admitted;
		}

		Duration longestWait() {
			return this.longestWait;
		}

		Duration longestRetryAfter() {
			return this.longestRetryAfter;
		}

	}

}
