package dev.resilience.ratelimiter.redis;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * A real Redis server for tests: the {@code redis-server} on the {@code PATH} if there is
 * one, else the one shipped in {@code com.github.codemonstur:embedded-redis}. It can be
 * frozen (it keeps its connections but answers nothing, as a hung server does), stopped
 * and started again on the same port, as a new process that has lost its scripts.
 *
 * @author Resilience
 */
public final class TestRedisServer implements AutoCloseable {

	private final int port;

	private RedisServer server;

	private String pid;

	private RedisClient adminClient;

	private StatefulRedisConnection<String, String> admin;

	private TestRedisServer(int port) {
		this.port = port;
	}

	/**
	 * Return a server shared by the tests of this JVM, started on first use.
	 * @return the shared server
	 */
	public static TestRedisServer shared() {
		return Shared.SERVER;
	}

	/**
	 * Start a server of its own on a free port.
	 * @return the started server
	 */
	public static TestRedisServer start() {
		TestRedisServer server = new TestRedisServer(freePort());
		server.startProcess();
		return server;
	}

	public int port() {
		return this.port;
	}

	/**
	 * Return commands on a connection of the test's own, for looking at what the code
	 * under test did.
	 * @return the commands
	 */
	public RedisCommands<String, String> admin() {
		if (this.admin == null || !this.admin.isOpen()) {
			this.adminClient = RedisClient.create(RedisURI.create("127.0.0.1", this.port));
			this.admin = this.adminClient.connect();
		}
		return this.admin.sync();
	}

	/**
	 * Create a started Lettuce connection factory for this server that reconnects quickly
	 * after a restart, as Lettuce's default reconnect delay (exponential, up to 30 s)
	 * would add to every test's wait.
	 * @param resources the client resources, shut down by the caller after the factory
	 * @return the factory, to destroy after use
	 */
	public LettuceConnectionFactory connectionFactory(ClientResources resources) {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", this.port),
				LettuceClientConfiguration.builder().clientResources(resources).build());
		factory.afterPropertiesSet();
		return factory;
	}

	/**
	 * Return client resources that reconnect every 50 ms.
	 * @return new client resources
	 */
	public static ClientResources quickReconnect() {
		return ClientResources.builder().reconnectDelay(Delay.constant(Duration.ofMillis(50))).build();
	}

	/**
	 * Return the calls of each command since the last {@code CONFIG RESETSTAT}.
	 * @return calls by command name
	 */
	public Map<String, Long> commandCalls() {
		Map<String, Long> calls = new HashMap<>();
		for (String line : admin().info("commandstats").split("\r?\n")) {
			if (line.startsWith("cmdstat_")) {
				String command = line.substring("cmdstat_".length(), line.indexOf(':'));
				String stats = line.substring(line.indexOf(':') + 1);
				for (String stat : stats.split(",")) {
					if (stat.startsWith("calls=")) {
						calls.put(command, Long.parseLong(stat.substring("calls=".length())));
					}
				}
			}
		}
		return calls;
	}

	/**
	 * Make the server answer nothing while keeping its connections, as a hung server
	 * does.
	 */
	public void freeze() {
		signal("STOP");
	}

	/**
	 * Let a frozen server answer again.
	 */
	public void thaw() {
		signal("CONT");
	}

	/**
	 * Stop the server process.
	 */
	public void stop() {
		closeAdmin();
		try {
			this.server.stop();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Start a new server process on the same port.
	 */
	public void restart() {
		startProcess();
	}

	@Override
	public void close() {
		try {
			if (this.server != null && this.server.isActive()) {
				thaw();
				stop();
			}
		}
		catch (RuntimeException ex) {
			// best effort at shutdown
		}
		closeAdmin();
	}

	private void startProcess() {
		try {
			this.server = RedisServer.newRedisServer()
				.executableProvider(executable())
				.port(this.port)
				.setting("save \"\"")
				.setting("appendonly no")
				.build();
			this.server.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.pid = admin().info("server")
			.lines()
			.filter((line) -> line.startsWith("process_id:"))
			.map((line) -> line.substring("process_id:".length()).trim())
			.findFirst()
			.orElseThrow();
	}

	private void signal(String signal) {
		// the test's own connection would hang on a frozen server
		closeAdmin();
		try {
			Process kill = new ProcessBuilder("kill", "-" + signal, this.pid).inheritIO().start();
			if (kill.waitFor() != 0) {
				throw new IllegalStateException("kill -" + signal + " " + this.pid + " failed");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void closeAdmin() {
		if (this.admin != null) {
			this.admin.close();
			this.adminClient.shutdown(Duration.ZERO, Duration.ofSeconds(1));
			this.admin = null;
			this.adminClient = null;
		}
	}

	private static ExecutableProvider executable() {
		try {
			return ExecutableProvider.newExecutableInPath("redis-server");
		}
		catch (FileNotFoundException ex) {
			return ExecutableProvider.newJarResourceProvider();
		}
	}

	/**
	 * An application's Redis connection, as Spring Boot's Redis auto-configuration would
	 * define it, to the server on port {@code test.redis.port}.
	 */
	@Configuration(proxyBeanMethods = false)
	public static class Connection {

		@Bean
		LettuceConnectionFactory redisConnectionFactory(@Value("${test.redis.port}") int port) {
			return new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port));
		}

	}

	private static final class Shared {

		static final TestRedisServer SERVER = start();

		static {
			Runtime.getRuntime().addShutdownHook(new Thread(SERVER::close));
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
