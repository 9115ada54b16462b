package dev.resilience.ratelimiter.redis;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.locks.ReentrantLock;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Runs the {@link GcraScript} through Lettuce's asynchronous API, on one connection of
 * the application's {@link RedisConnectionFactory} shared by every rate limiter.
 * <p>
 * The connection is taken once, through {@link RedisConnectionFactory#getConnection()}
 * and its native Lettuce commands, and kept: a Lettuce connection is thread-safe,
 * multiplexes concurrent commands and reconnects by itself, so there is nothing to gain
 * from asking the factory on every call, and a lot to lose, since asking may block on a
 * connection attempt while Redis is down. It is therefore taken only where blocking is
 * harmless (at start-up and by the probe thread), never on a caller's path; a connection
 * that fails is dropped and taken again by the next probe. Going through the factory,
 * rather than a client of our own, keeps every setting the application gave it: host,
 * credentials, TLS, Sentinel or Cluster, pooling and client resources.
 * <p>
 * The script is called by its SHA-1 ({@code EVALSHA}); when Redis does not know it
 * ({@code NOSCRIPT}, after a restart, a failover or {@code SCRIPT FLUSH}) the same call
 * is repeated with {@code EVAL}, which answers and caches the script again. {@code EVAL}
 * reloads it on whichever node of a Cluster the key lives, where a {@code SCRIPT LOAD}
 * would have to be sent to each.
 *
 * @author Resilience
 */
final class ScriptRunner implements AutoCloseable {

	private final RedisConnectionFactory connectionFactory;

	private final ReentrantLock lock = new ReentrantLock();

	private volatile @Nullable Connection current;

	private boolean closed;

	ScriptRunner(RedisConnectionFactory connectionFactory) {
		this.connectionFactory = connectionFactory;
	}

	/**
	 * Return the commands of the current connection, without ever connecting.
	 * @return the commands, or {@code null} if there is no connection
	 */
	@Nullable RedisClusterAsyncCommands<byte[], byte[]> commands() {
		Connection connection = this.current;
		return (connection != null) ? connection.commands() : null;
	}

	/**
	 * Return the commands of the current connection, taking one from the factory if there
	 * is none. May block while the factory connects.
	 * @return the commands
	 * @throws RuntimeException if no connection can be had
	 */
	RedisClusterAsyncCommands<byte[], byte[]> connect() {
		Connection connection = this.current;
		if (connection != null) {
			return connection.commands();
		}
		this.lock.lock();
		try {
			if (this.closed) {
				throw new IllegalStateException("The Redis rate limiter backend is closed");
			}
			if (this.current == null) {
				this.current = Connection.of(this.connectionFactory.getConnection());
			}
			return this.current.commands();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Drop the given commands' connection if it is still the current one, so that the
	 * next {@link #connect()} takes a fresh one.
	 * @param commands the commands that failed
	 */
	void reset(RedisClusterAsyncCommands<byte[], byte[]> commands) {
		this.lock.lock();
		try {
			Connection connection = this.current;
			if (connection != null && connection.commands() == commands) {
				this.current = null;
				connection.close();
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Run the script for one key.
	 * @param commands the commands to run it with
	 * @param key the key
	 * @param arguments the script's arguments
	 * @return the script's reply, or the failure; never times out by itself
	 */
	CompletableFuture<List<Object>> run(RedisClusterAsyncCommands<byte[], byte[]> commands, byte[] key,
			byte[][] arguments) {
		byte[][] keys = { key };
		try {
			CompletionStage<List<Object>> reply = commands.evalsha(GcraScript.SHA1, ScriptOutputType.MULTI, keys,
					arguments);
			return reply
				.exceptionallyCompose((failure) -> isNoScript(failure)
						? commands.<List<Object>>eval(GcraScript.BYTES, ScriptOutputType.MULTI, keys, arguments)
						: CompletableFuture.failedStage(failure))
				.toCompletableFuture();
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	@Override
	public void close() {
		this.lock.lock();
		try {
			this.closed = true;
			Connection connection = this.current;
			this.current = null;
			if (connection != null) {
				connection.close();
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	private static boolean isNoScript(Throwable failure) {
		Throwable cause = (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause()
				: failure;
		return cause instanceof RedisNoScriptException
				|| (cause.getMessage() != null && cause.getMessage().startsWith("NOSCRIPT"));
	}

	/**
	 * A connection taken from the factory and its native asynchronous commands.
	 */
	private record Connection(RedisConnection connection, RedisClusterAsyncCommands<byte[], byte[]> commands) {

		@SuppressWarnings("unchecked")
		static Connection of(RedisConnection connection) {
			Object nativeConnection = connection.getNativeConnection();
			if (!(nativeConnection instanceof RedisClusterAsyncCommands)) {
				connection.close();
				throw new IllegalStateException("The Redis rate limiter backend needs a Lettuce connection, but the "
						+ "RedisConnectionFactory's native connection is a "
						+ ((nativeConnection != null) ? nativeConnection.getClass().getName() : "null"));
			}
			return new Connection(connection, (RedisClusterAsyncCommands<byte[], byte[]>) nativeConnection);
		}

		void close() {
			try {
				this.connection.close();
			}
			catch (RuntimeException ex) {
				// closing is best effort: the factory may be shutting down already
			}
		}

	}

}
