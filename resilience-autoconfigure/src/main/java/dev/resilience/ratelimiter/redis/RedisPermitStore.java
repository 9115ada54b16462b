package dev.resilience.ratelimiter.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.resilience.core.internal.Durations;
import dev.resilience.core.EventBuffer;
import dev.resilience.core.TimeSource;
import dev.resilience.ratelimiter.PermitStore;
import dev.resilience.ratelimiter.RateLimiter;
import dev.resilience.ratelimiter.RateLimiterConfig;
import dev.resilience.ratelimiter.RedisFailureMode;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import org.jspecify.annotations.Nullable;

/**
 * The buckets of one rate limiter in Redis: each reservation is one call of the
 * {@link GcraScript}, answered within the command timeout or handed to the failure mode.
 * <p>
 * Keys are {@code resilience:rl:{name}} for the unkeyed bucket and
 * {@code resilience:rl:{name}:key} for each key, the key written with
 * {@link String#valueOf(Object)}. The braces are a Redis Cluster hash tag: only the name
 * chooses the slot, so every bucket of a limiter lives on one node and can be found with
 * one {@code SCAN} of {@code resilience:rl:{name}*}. A script that touches a single key,
 * named in {@code KEYS}, runs on that key's node.
 *
 * @author Resilience
 */
final class RedisPermitStore implements PermitStore {

	private static final String KEY_PREFIX = "resilience:rl:{";

	private final ScriptRunner runner;

	private final PermitStore local;

	private final RedisFailureMode failureMode;

	private final long timeoutNanos;

	private final Executor executor;

	private final byte[][] rate;

	private final byte[] unkeyedKey;

	private final String keyPrefix;

	private final RedisBreaker breaker;

	private volatile long permitsLeft;

	RedisPermitStore(String name, RateLimiterConfig config, PermitStore local,
			RedisPermitStoreFactory.Settings settings, EventBuffer events, TimeSource timeSource) {
		this.runner = settings.runner();
		this.local = local;
		this.failureMode = config.redisFailureMode();
		this.timeoutNanos = settings.commandTimeout().toNanos();
		this.executor = settings.executor();
		this.rate = GcraScript.rate(config);
		this.unkeyedKey = (KEY_PREFIX + name + "}").getBytes(StandardCharsets.UTF_8);
		this.keyPrefix = KEY_PREFIX + name + "}:";
		this.permitsLeft = config.burst();
		this.breaker = new RedisBreaker(name, this.failureMode, settings.probeInterval(), settings.probes(),
				this::probe, events, timeSource);
	}

	/**
	 * Take the store to be down from the start, such as when no connection could be had.
	 * @param reason why
	 * @param failure the error involved, if any
	 */
	void unavailable(String reason, @Nullable Throwable failure) {
		this.breaker.down(reason, failure);
	}

	@Override
	public long reserve(Object key, long maxWaitNanos) {
		RedisClusterAsyncCommands<byte[], byte[]> commands = commandsIfUp();
		if (commands == null) {
			return fallback(key, maxWaitNanos);
		}
		CompletableFuture<List<Object>> reply = this.runner.run(commands, key(key),
				GcraScript.arguments(this.rate, maxWaitNanos));
		try {
			return answer(key, reply.get(this.timeoutNanos, TimeUnit.NANOSECONDS));
		}
		catch (TimeoutException ex) {
			return failed(key, maxWaitNanos, ex);
		}
		catch (ExecutionException ex) {
			return failed(key, maxWaitNanos, (ex.getCause() != null) ? ex.getCause() : ex);
		}
		catch (RuntimeException ex) {
			return failed(key, maxWaitNanos, ex);
		}
		catch (InterruptedException ex) {
			// the caller gave up, not Redis: no permit, and no reason to open the breaker
			Thread.currentThread().interrupt();
			return PermitStore.rejected(0);
		}
	}

	@Override
	public CompletionStage<Long> reserveAsync(Object key, long maxWaitNanos) {
		RedisClusterAsyncCommands<byte[], byte[]> commands = commandsIfUp();
		if (commands == null) {
			return CompletableFuture.completedFuture(fallback(key, maxWaitNanos));
		}
		return this.runner.run(commands, key(key), GcraScript.arguments(this.rate, maxWaitNanos))
			.orTimeout(this.timeoutNanos, TimeUnit.NANOSECONDS)
			// off the I/O thread, which must never run a caller's code
			.handleAsync((reply, failure) -> (failure != null) ? failed(key, maxWaitNanos, unwrap(failure))
					: answerOrFailed(key, maxWaitNanos, reply), this.executor);
	}

	@Override
	public long availablePermits() {
		if (!this.breaker.isUp() && this.failureMode == RedisFailureMode.LOCAL) {
			return this.local.availablePermits();
		}
		return this.permitsLeft;
	}

	@Override
	public boolean isAvailable() {
		return this.breaker.isUp();
	}

	/**
	 * Ask Redis without taking a permit, from the probe thread: connects if there is no
	 * connection, and reloads the script if Redis lost it.
	 * @return the stage of the answer, failed if Redis does not answer in time
	 */
	CompletionStage<?> probe() {
		return ask(this.timeoutNanos);
	}

	/**
	 * Connect and ask Redis once, on the calling thread, waiting up to the given time: at
	 * start-up, so that the first caller finds the connection open, the script loaded and
	 * the code on the way warm, rather than paying for all that within the command
	 * timeout. If Redis does not answer, the store starts down.
	 * @param timeout the longest wait
	 */
	void warmUp(Duration timeout) {
		try {
			ask(timeout.toNanos()).toCompletableFuture().get();
		}
		catch (ExecutionException ex) {
			Throwable failure = (ex.getCause() != null) ? ex.getCause() : ex;
			unavailable("no answer at start-up: " + failure.getClass().getSimpleName(), failure);
		}
		catch (RuntimeException ex) {
			unavailable("cannot connect: " + ex.getClass().getSimpleName(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			unavailable("interrupted at start-up", ex);
		}
	}

	private CompletableFuture<List<Object>> ask(long timeoutNanos) {
		RedisClusterAsyncCommands<byte[], byte[]> commands = this.runner.connect();
		return this.runner.run(commands, this.unkeyedKey, GcraScript.arguments(this.rate, -1))
			.orTimeout(timeoutNanos, TimeUnit.NANOSECONDS)
			.whenComplete((reply, failure) -> {
				if (failure == null) {
					this.permitsLeft = GcraScript.permitsLeft(reply);
				}
				else if (!(unwrap(failure) instanceof TimeoutException)) {
					// failed outright: take a fresh connection next time
					this.runner.reset(commands);
				}
			});
	}

	private @Nullable RedisClusterAsyncCommands<byte[], byte[]> commandsIfUp() {
		if (!this.breaker.isUp()) {
			return null;
		}
		RedisClusterAsyncCommands<byte[], byte[]> commands = this.runner.commands();
		if (commands == null) {
			this.breaker.down("no connection", null);
		}
		return commands;
	}

	private long answerOrFailed(Object key, long maxWaitNanos, List<Object> reply) {
		try {
			return answer(key, reply);
		}
		catch (RuntimeException ex) {
			return failed(key, maxWaitNanos, ex);
		}
	}

	private long answer(Object key, List<Object> reply) {
		long answer = GcraScript.answer(reply);
		if (key == RateLimiter.DEFAULT_KEY) {
			this.permitsLeft = GcraScript.permitsLeft(reply);
		}
		return answer;
	}

	private long failed(Object key, long maxWaitNanos, Throwable failure) {
		if (failure instanceof TimeoutException) {
			this.breaker.down("no answer within " + Durations.describe(Duration.ofNanos(this.timeoutNanos)), null);
		}
		else {
			this.breaker.down(failure.getClass().getSimpleName(), failure);
		}
		return fallback(key, maxWaitNanos);
	}

	private long fallback(Object key, long maxWaitNanos) {
		return switch (this.failureMode) {
			case LOCAL -> this.local.reserve(key, maxWaitNanos);
			case ALLOW -> 0;
			case DENY -> PermitStore.rejected(this.breaker.nanosUntilProbe());
		};
	}

	private byte[] key(Object key) {
		if (key == RateLimiter.DEFAULT_KEY) {
			return this.unkeyedKey;
		}
		return (this.keyPrefix + key).getBytes(StandardCharsets.UTF_8);
	}

	private static Throwable unwrap(Throwable failure) {
		return (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause() : failure;
	}

	@Override
	public String toString() {
		return "RedisPermitStore[" + new String(this.unkeyedKey, StandardCharsets.UTF_8) + ", " + this.breaker + "]";
	}

}
