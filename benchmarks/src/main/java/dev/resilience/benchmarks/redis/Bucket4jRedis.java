package dev.resilience.benchmarks.redis;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.resilience.benchmarks.Settings;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.redis.lettuce.cas.LettuceBasedProxyManager;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
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

/**
 * Bucket4j's Lettuce proxy manager ({@link LettuceBasedProxyManager}, compare-and-swap:
 * read the bucket, then write it back if nobody changed it, else start over), the same
 * steps with the same limit as {@link OursRedis}: a bucket of
 * {@link Settings#REDIS_RATE_LIMIT_PER_SECOND} tokens refilled greedily at as many per
 * second, kept in Redis until it is full again, and the same time limit per request.
 *
 * @author Resilience
 * @since 0.1.0
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class Bucket4jRedis {

	private static final String KEY = "bucket4j:" + Settings.INSTANCE;

	/**
	 * Take a token of the one bucket, waiting for Redis's answer: a hot key once several
	 * threads call.
	 * @param buckets the shared buckets
	 */
	@Benchmark
	public void acquire(Buckets buckets) {
		if (!buckets.bucket.tryConsume(1)) {
			throw new IllegalStateException("No token in " + KEY);
		}
	}

	/**
	 * Take a token of the one bucket without blocking, then wait for the answer.
	 * @param buckets the shared buckets
	 */
	@Benchmark
	public void acquireAsync(Buckets buckets) {
		if (!buckets.asyncBucket.tryConsume(1).join()) {
			throw new IllegalStateException("No token in " + KEY);
		}
	}

	/**
	 * Take a token of one of many buckets, each thread taking its turn through them.
	 * @param buckets the shared buckets
	 * @param cursor the thread's next key
	 */
	@Benchmark
	public void acquireManyKeys(Buckets buckets, KeyCursor cursor) {
		if (!buckets.keyed[cursor.next()].tryConsume(1)) {
			throw new IllegalStateException("No token in a keyed bucket");
		}
	}

	/**
	 * Redis, the connection and the buckets, created once per fork.
	 */
	@State(Scope.Benchmark)
	public static class Buckets {

		final BucketProxy[] keyed = new BucketProxy[Settings.REDIS_KEYS];

		LocalRedis redis;

		ClientResources resources;

		RedisClient client;

		StatefulRedisConnection<String, byte[]> connection;

		BucketProxy bucket;

		AsyncBucketProxy asyncBucket;

		@Setup(Level.Trial)
		public void start() {
			this.redis = LocalRedis.start();
			this.resources = RoundTrips.clientResources();
			this.client = RedisClient.create(this.resources, RedisURI.create(LocalRedis.HOST, this.redis.port()));
			this.connection = this.client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
			LettuceBasedProxyManager<String> proxyManager = Bucket4jLettuce.casBasedBuilder(this.connection)
				// kept until full again, as ours are
				.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
				.requestTimeout(Duration.ofMillis(Settings.REDIS_COMMAND_TIMEOUT_MILLIS))
				.build();
			BucketConfiguration configuration = BucketConfiguration.builder()
				.addLimit((limit) -> limit.capacity(Settings.REDIS_RATE_LIMIT_PER_SECOND)
					.refillGreedy(Settings.REDIS_RATE_LIMIT_PER_SECOND, Duration.ofSeconds(1)))
				.build();
			this.bucket = proxyManager.builder().build(KEY, configuration);
			this.asyncBucket = proxyManager.asAsync().builder().build(KEY, configuration);
			for (int i = 0; i < this.keyed.length; i++) {
				this.keyed[i] = proxyManager.builder().build(KEY + ":tenant-" + i, configuration);
			}
			check();
		}

		private void check() {
			BucketProxy bucket = this.bucket;
			RedisChecks.keyWritten(this.redis, "an acquire", KEY, () -> bucket.tryConsume(1));
			RedisChecks.keyWritten(this.redis, "an acquire of a key", KEY + ":tenant-0",
					() -> this.keyed[0].tryConsume(1));
			RedisChecks.commandsPerAcquire(this.redis, "Bucket4jRedis.acquire", () -> bucket.tryConsume(1));
			RedisChecks.commandsPerAcquire(this.redis, "Bucket4jRedis.acquireAsync",
					() -> this.asyncBucket.tryConsume(1).join());
		}

		@TearDown(Level.Trial)
		public void stop() {
			this.connection.close();
			this.client.shutdown();
			this.resources.shutdown();
			this.redis.close();
		}

	}

}
