package dev.resilience.benchmarks.redis;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.resilience.benchmarks.Checks;
import dev.resilience.benchmarks.Settings;
import dev.resilience.core.Scheduler;
import dev.resilience.core.Sleeper;
import dev.resilience.core.TimeSource;
import dev.resilience.ratelimiter.RateLimiter;
import dev.resilience.ratelimiter.RateLimiterBackend;
import dev.resilience.ratelimiter.RateLimiterConfig;
import dev.resilience.ratelimiter.RateLimiterEventType;
import dev.resilience.ratelimiter.RateLimiterRegistry;
import dev.resilience.ratelimiter.redis.RedisPermitStoreFactory;
import io.lettuce.core.resource.ClientResources;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * This project's rate limiter with {@code backend: redis}, built as the
 * auto-configuration builds it: a {@link RedisPermitStoreFactory} over a
 * {@link LettuceConnectionFactory}, handed to a {@link RateLimiterRegistry}, with the
 * command timeout of {@link Settings#REDIS_COMMAND_TIMEOUT_MILLIS}. A benchmark here and
 * its namesake in {@link Bucket4jRedis} do the same steps with the same limit.
 *
 * @author Resilience
 * @since 0.1.0
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OursRedis {

	/**
	 * Take a permit of the one bucket, waiting for Redis's answer: a hot key once several
	 * threads call.
	 * @param limiter the shared limiter
	 */
	@Benchmark
	public void acquire(Limiter limiter) {
		limiter.limiter.acquirePermission(RateLimiter.DEFAULT_KEY);
	}

	/**
	 * Take a permit of the one bucket without blocking, then wait for the answer.
	 * @param limiter the shared limiter
	 */
	@Benchmark
	public void acquireAsync(Limiter limiter) {
		long waitNanos = limiter.limiter.reservePermissionAsync(RateLimiter.DEFAULT_KEY).join();
		if (waitNanos != 0) {
			throw new IllegalStateException(limiter.limiter + " made a call wait " + waitNanos + " ns");
		}
	}

	/**
	 * Take a permit of one of many buckets, each thread taking its turn through them.
	 * @param limiter the shared limiter
	 * @param cursor the thread's next key
	 */
	@Benchmark
	public void acquireManyKeys(Limiter limiter, KeyCursor cursor) {
		limiter.limiter.acquirePermission(limiter.keys[cursor.next()]);
	}

	/**
	 * Redis, the connection factory and the limiter, created once per fork.
	 */
	@State(Scope.Benchmark)
	public static class Limiter {

		final String[] keys = new String[Settings.REDIS_KEYS];

		LocalRedis redis;

		ClientResources resources;

		LettuceConnectionFactory connectionFactory;

		RedisPermitStoreFactory stores;

		RateLimiter limiter;

		@Setup(Level.Trial)
		public void start() {
			for (int i = 0; i < this.keys.length; i++) {
				this.keys[i] = "tenant-" + i;
			}
			this.redis = LocalRedis.start();
			this.resources = RoundTrips.clientResources();
			this.connectionFactory = new LettuceConnectionFactory(
					new RedisStandaloneConfiguration(LocalRedis.HOST, this.redis.port()),
					LettuceClientConfiguration.builder().clientResources(this.resources).build());
			this.connectionFactory.afterPropertiesSet();
			this.stores = new RedisPermitStoreFactory(this.connectionFactory,
					Duration.ofMillis(Settings.REDIS_COMMAND_TIMEOUT_MILLIS),
					RedisPermitStoreFactory.DEFAULT_PROBE_INTERVAL);
			RateLimiterConfig config = RateLimiterConfig.builder()
				.limit(Settings.REDIS_RATE_LIMIT_PER_SECOND)
				.burst(Settings.REDIS_RATE_LIMIT_PER_SECOND)
				.period(Duration.ofSeconds(1))
				.timeout(Duration.ZERO)
				.backend(RateLimiterBackend.REDIS)
				.build();
			RateLimiterRegistry registry = new RateLimiterRegistry(RateLimiterConfig.ofDefaults(),
					Map.of(Settings.INSTANCE, config), TimeSource.system(), Sleeper.system(), Scheduler.commonPool(),
					this.stores);
			this.limiter = registry.get(Settings.INSTANCE);
			check();
		}

		private void check() {
			RateLimiter limiter = this.limiter;
			Checks.equal("whether the limiter is remote", true, limiter.isRemote());
			RedisChecks.keyWritten(this.redis, "an acquire", "resilience:rl:{" + Settings.INSTANCE + "}",
					() -> limiter.acquirePermission(RateLimiter.DEFAULT_KEY));
			RedisChecks.keyWritten(this.redis, "an acquire of a key",
					"resilience:rl:{" + Settings.INSTANCE + "}:" + this.keys[0],
					() -> limiter.acquirePermission(this.keys[0]));
			Map<String, Long> once = Map.of("EVALSHA", (long) RedisChecks.COUNTED_ACQUIRES);
			Checks.equal("Redis commands of synchronous acquires", once, RedisChecks.commandsPerAcquire(this.redis,
					"OursRedis.acquire", () -> limiter.acquirePermission(RateLimiter.DEFAULT_KEY)));
			Checks.equal("Redis commands of asynchronous acquires", once, RedisChecks.commandsPerAcquire(this.redis,
					"OursRedis.acquireAsync", () -> limiter.reservePermissionAsync(RateLimiter.DEFAULT_KEY).join()));
			requireRedis();
		}

		/**
		 * Fail the run if Redis stopped answering in time at any point: the failure mode
		 * would then have answered from local buckets, far faster than Redis.
		 */
		@TearDown(Level.Iteration)
		public void requireRedis() {
			boolean wentDown = this.limiter.events()
				.recent()
				.stream()
				.anyMatch((event) -> event.type().equals(RateLimiterEventType.BACKEND_DOWN.name()));
			if (wentDown || !this.limiter.isBackendAvailable()) {
				throw new IllegalStateException(
						this.limiter + " did not get Redis's answer in time: " + this.limiter.events().recent());
			}
		}

		@TearDown(Level.Trial)
		public void stop() {
			this.stores.close();
			this.connectionFactory.destroy();
			this.resources.shutdown();
			this.redis.close();
		}

	}

}
