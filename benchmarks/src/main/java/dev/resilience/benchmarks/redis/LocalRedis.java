package dev.resilience.benchmarks.redis;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

/**
 * A Redis server of the benchmark's own: the build shipped in
 * {@code com.github.codemonstur:embedded-redis}, on a free port of the loopback
 * interface, without persistence. It comes with a connection of its own for the set-up
 * checks, separate from the limiters' connections so that its commands are never counted
 * as theirs.
 *
 * @author Resilience
 * @since 0.1.0
 */
public final class LocalRedis implements AutoCloseable {

	static final String HOST = "127.0.0.1";

	private final int port;

	private final RedisServer server;

	private final RedisClient client;

	private final StatefulRedisConnection<String, String> connection;

	private LocalRedis(int port, RedisServer server) {
		this.port = port;
		this.server = server;
		this.client = RedisClient.create(RedisURI.create(HOST, port));
		this.connection = this.client.connect();
	}

	/**
	 * Start a server on a free port.
	 * @return the running server, to be closed by the caller
	 */
	static LocalRedis start() {
		int port = freePort();
		try {
			RedisServer server = RedisServer.newRedisServer()
				.executableProvider(ExecutableProvider.newJarResourceProvider())
				.port(port)
				.setting("save \"\"")
				.setting("appendonly no")
				.build();
			server.start();
			return new LocalRedis(port, server);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Return the version of the server that {@link #start()} runs, without starting one.
	 * @return for example {@code 6.2.6}
	 */
	public static String version() {
		try {
			File executable = ExecutableProvider.newJarResourceProvider().get();
			Process process = new ProcessBuilder(executable.getAbsolutePath(), "--version").redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			process.waitFor();
			// "Redis server v=6.2.6 sha=00000000:0 malloc=jemalloc-5.1.0 bits=64
			// build=..."
			int start = output.indexOf("v=");
			return (start >= 0) ? output.substring(start + 2).split("\\s", 2)[0] : output.trim();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	int port() {
		return this.port;
	}

	/**
	 * Return whether a key exists.
	 * @param key the key
	 * @return {@code true} if it does
	 */
	boolean exists(String key) {
		return commands().exists(key) == 1;
	}

	/**
	 * Return how many times each command was called since the server started, scripts
	 * included, as {@code INFO commandstats} has it.
	 * @return calls by lower-case command name
	 */
	Map<String, Long> commandCalls() {
		Map<String, Long> calls = new HashMap<>();
		for (String line : commands().info("commandstats").split("\r?\n")) {
			if (line.startsWith("cmdstat_")) {
				String command = line.substring("cmdstat_".length(), line.indexOf(':'));
				for (String stat : line.substring(line.indexOf(':') + 1).split(",")) {
					if (stat.startsWith("calls=")) {
						calls.put(command, Long.parseLong(stat.substring("calls=".length())));
					}
				}
			}
		}
		return calls;
	}

	private RedisCommands<String, String> commands() {
		return this.connection.sync();
	}

	@Override
	public void close() {
		this.connection.close();
		this.client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
		try {
			this.server.stop();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
