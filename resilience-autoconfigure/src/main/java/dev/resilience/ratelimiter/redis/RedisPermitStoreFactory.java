package dev.resilience.ratelimiter.redis;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import dev.resilience.core.Bound;
import dev.resilience.core.EventBuffer;
import dev.resilience.core.TimeSource;
import dev.resilience.ratelimiter.PermitStore;
import dev.resilience.ratelimiter.PermitStoreFactory;
import dev.resilience.ratelimiter.RateLimiterBackend;
import dev.resilience.ratelimiter.RateLimiterConfig;
import io.lettuce.core.AbstractRedisClient;
import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Keeps the buckets of {@link RateLimiterBackend#REDIS Redis-backed} rate limiters in the
 * application's Redis, so that every instance of the application shares one limit.
 * <p>
 * Each reservation is one round trip, an {@code EVALSHA} of a script that takes or
 * reserves a permit atomically on Redis's own clock (see {@code GcraScript} for the
 * algorithm and why). Keys are {@code resilience:rl:{name}} and
 * {@code resilience:rl:{name}:key}, and expire once their bucket is full again, at most
 * {@code burst × period / limit} after their last permit (a permit reserved ahead counts
 * at the time it was reserved for): an idle key costs nothing.
 * <p>
 * Reservations work as with the local buckets: a caller that may wait (a positive
 * {@code timeout}) is granted the next free permit and waits for it on its own side, and
 * later callers, of every instance of the application, queue behind it. The wait is
 * reckoned by Redis and counted from its answer, so the call starts a little later than
 * Redis reckoned, never earlier; waits are rounded up to the microsecond. With this
 * backend {@code max-keys} does not apply, since Redis holds the keys and drops them as
 * they expire; it still bounds the local rate limiter of the {@code local} failure mode.
 * <p>
 * Redis is asked with Lettuce's asynchronous API, over one connection of the
 * application's {@link LettuceConnectionFactory}. A synchronous caller waits for the
 * answer at most {@code commandTimeout}; an asynchronous one never waits, and its stage
 * completes on the {@code executor}, never on a Lettuce I/O thread, since what runs next
 * is the caller's own code. By default that is Lettuce's computation pool
 * ({@code ClientResources#eventExecutorGroup()}), where Lettuce itself moves work off its
 * I/O threads; the JDK's common pool hands work over far more slowly on small machines.
 * When Redis does not answer in time or fails, the limiter's
 * {@link RateLimiterConfig#redisFailureMode() redis-failure-mode} answers instead and an
 * internal breaker opens, so that later callers do not pay the timeout: from then on a
 * probe asks Redis every {@code probeInterval} on a thread of its own, and the first
 * answer closes the breaker again. Each switch is an event of the rate limiter and a log
 * line. After a restart of Redis, Lettuce must reconnect before a probe can succeed,
 * which adds its reconnect delay ({@code ClientResources#reconnectDelay()}, exponential
 * up to 30 s by default). A command that timed out may still run when Redis comes back,
 * which can only take a permit nobody uses.
 * <p>
 * Close the factory to stop the probes and release the connection; the
 * {@link RedisConnectionFactory} itself is left open.
 *
 * @author Resilience
 * @since 0.1.0
 */
public final class RedisPermitStoreFactory implements PermitStoreFactory, AutoCloseable {

	/**
	 * Default longest wait for Redis's answer.
	 */
	public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofMillis(50);

	/**
	 * Values allowed for the command timeout.
	 */
	public static final Bound<Duration> ALLOWED_COMMAND_TIMEOUT = Bound.positive();

	/**
	 * Default time between two probes while Redis is down.
	 */
	public static final Duration DEFAULT_PROBE_INTERVAL = Duration.ofSeconds(1);

	/**
	 * Values allowed for the probe interval.
	 */
	public static final Bound<Duration> ALLOWED_PROBE_INTERVAL = Bound.positive();

	/**
	 * Longest wait for Redis's first answer, at start-up: the first command pays for
	 * loading classes and the script.
	 */
	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(2);

	private final RedisConnectionFactory connectionFactory;

	private final Duration commandTimeout;

	private final Duration probeInterval;

	private final @Nullable Executor executor;

	private final ScriptRunner runner;

	private final ReentrantLock lock = new ReentrantLock();

	private final AtomicBoolean connectAttempted = new AtomicBoolean();

	private @Nullable ScheduledExecutorService probes;

	private boolean closed;

	/**
	 * Create a factory with the default timeout and probe interval, completing
	 * asynchronous reservations on Lettuce's computation pool.
	 * @param connectionFactory the application's connection factory, of Lettuce
	 */
	public RedisPermitStoreFactory(RedisConnectionFactory connectionFactory) {
		this(connectionFactory, DEFAULT_COMMAND_TIMEOUT, DEFAULT_PROBE_INTERVAL);
	}

	/**
	 * Create a factory completing asynchronous reservations on Lettuce's computation
	 * pool.
	 * @param connectionFactory the application's connection factory, of Lettuce
	 * @param commandTimeout the longest wait for Redis's answer; within
	 * {@link #ALLOWED_COMMAND_TIMEOUT}
	 * @param probeInterval the time between two probes while Redis is down; within
	 * {@link #ALLOWED_PROBE_INTERVAL}
	 */
	public RedisPermitStoreFactory(RedisConnectionFactory connectionFactory, Duration commandTimeout,
			Duration probeInterval) {
		this(connectionFactory, commandTimeout, probeInterval, null);
	}

	/**
	 * Create a factory.
	 * @param connectionFactory the application's connection factory, of Lettuce
	 * @param commandTimeout the longest wait for Redis's answer; within
	 * {@link #ALLOWED_COMMAND_TIMEOUT}
	 * @param probeInterval the time between two probes while Redis is down; within
	 * {@link #ALLOWED_PROBE_INTERVAL}
	 * @param executor where asynchronous reservations complete, and so where the calls
	 * they admit start; {@code null} for Lettuce's computation pool
	 */
	public RedisPermitStoreFactory(RedisConnectionFactory connectionFactory, Duration commandTimeout,
			Duration probeInterval, @Nullable Executor executor) {
		this.connectionFactory = Objects.requireNonNull(connectionFactory, "connectionFactory must not be null");
		Objects.requireNonNull(commandTimeout, "commandTimeout must not be null");
		Objects.requireNonNull(probeInterval, "probeInterval must not be null");
		this.commandTimeout = ALLOWED_COMMAND_TIMEOUT.check("commandTimeout", commandTimeout);
		this.probeInterval = ALLOWED_PROBE_INTERVAL.check("probeInterval", probeInterval);
		this.executor = executor;
		this.runner = new ScriptRunner(connectionFactory);
	}

	/**
	 * Create the Redis store of a rate limiter. The first store connects to Redis and
	 * asks it once, on the calling thread (usually at start-up), waiting up to two
	 * seconds or the command timeout if longer; if Redis cannot be reached, the store
	 * starts down and its probe connects later. Later stores never connect on the calling
	 * thread, which may be a caller's: without a connection, they start down too.
	 * @throws IllegalArgumentException if the configuration cannot be kept in Redis
	 * @throws IllegalStateException if the connection factory is not Lettuce's
	 */
	@Override
	public PermitStore create(String name, RateLimiterConfig config, PermitStore local, EventBuffer events,
			TimeSource timeSource) {
		if (!(this.connectionFactory instanceof LettuceConnectionFactory)) {
			throw new IllegalStateException("RateLimiter '" + name + "' has backend REDIS, which needs a "
					+ "LettuceConnectionFactory, but the RedisConnectionFactory is a "
					+ this.connectionFactory.getClass().getName());
		}
		LettuceConnectionFactory lettuce = (LettuceConnectionFactory) this.connectionFactory;
		Settings settings = new Settings(this.runner, this.commandTimeout, this.probeInterval, executor(lettuce),
				probes());
		RedisPermitStore store = new RedisPermitStore(name, config, local, settings, events, timeSource);
		if (this.runner.commands() == null) {
			if (this.connectAttempted.compareAndSet(false, true)) {
				store.warmUp(max(this.commandTimeout, STARTUP_TIMEOUT));
			}
			else {
				store.unavailable("not connected yet", null);
			}
		}
		return store;
	}

	/**
	 * Return the longest wait for Redis's answer.
	 * @return the command timeout
	 */
	public Duration getCommandTimeout() {
		return this.commandTimeout;
	}

	/**
	 * Return the time between two probes while Redis is down.
	 * @return the probe interval
	 */
	public Duration getProbeInterval() {
		return this.probeInterval;
	}

	/**
	 * Stop probing and release the connection.
	 */
	@Override
	public void close() {
		this.lock.lock();
		try {
			this.closed = true;
			if (this.probes != null) {
				this.probes.shutdownNow();
			}
		}
		finally {
			this.lock.unlock();
		}
		this.runner.close();
	}

	private Executor executor(LettuceConnectionFactory lettuce) {
		if (this.executor != null) {
			return this.executor;
		}
		AbstractRedisClient client = lettuce.getNativeClient();
		return (client != null) ? client.getResources().eventExecutorGroup() : ForkJoinPool.commonPool();
	}

	private ScheduledExecutorService probes() {
		this.lock.lock();
		try {
			if (this.closed) {
				throw new IllegalStateException("The Redis rate limiter backend is closed");
			}
			if (this.probes == null) {
				ScheduledThreadPoolExecutor probes = new ScheduledThreadPoolExecutor(1, (task) -> {
					Thread thread = new Thread(task, "resilience-redis-probe");
					thread.setDaemon(true);
					return thread;
				});
				probes.setRemoveOnCancelPolicy(true);
				this.probes = probes;
			}
			return this.probes;
		}
		finally {
			this.lock.unlock();
		}
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

	@Override
	public String toString() {
		return "RedisPermitStoreFactory[commandTimeout=" + this.commandTimeout + ", probeInterval=" + this.probeInterval
				+ "]";
	}

	/**
	 * What every store of a factory shares.
	 */
	record Settings(ScriptRunner runner, Duration commandTimeout, Duration probeInterval, Executor executor,
			ScheduledExecutorService probes) {
	}

}
