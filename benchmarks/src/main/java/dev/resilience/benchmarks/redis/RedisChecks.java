package dev.resilience.benchmarks.redis;

import java.util.Map;
import java.util.TreeMap;

/**
 * Set-up checks that stop a run whose limiter does not ask Redis on every acquire, and
 * that count what it asks.
 *
 * @author Resilience
 */
final class RedisChecks {

	/**
	 * Acquires made one after the other to count the commands each sends.
	 */
	static final int COUNTED_ACQUIRES = 1_000;

	private static final int TRIES = 100;

	private RedisChecks() {
	}

	/**
	 * Check that an acquire leaves its bucket in Redis. Tries up to a hundred acquires,
	 * since a bucket that is full again expires within a millisecond or so, which a cold
	 * JVM may take to look.
	 * @param redis the server
	 * @param what the acquire, for the error message
	 * @param key the key its bucket must have
	 * @param acquire the acquire
	 * @throws IllegalStateException if the key is never there
	 */
	static void keyWritten(LocalRedis redis, String what, String key, Runnable acquire) {
		for (int i = 0; i < TRIES; i++) {
			acquire.run();
			if (redis.exists(key)) {
				return;
			}
		}
		throw new IllegalStateException(what + " left no key " + key + " in Redis after " + TRIES + " tries");
	}

	/**
	 * Make {@link #COUNTED_ACQUIRES} acquires one after the other and return the commands
	 * the client sent for them, checked against Redis's own count of the scripts it ran.
	 * @param redis the server
	 * @param what the acquire, for the error message and the log
	 * @param acquire the acquire
	 * @return commands sent, by command name
	 * @throws IllegalStateException if the acquires sent fewer commands than there were
	 * acquires, or if Redis ran a different number of scripts than the client sent
	 */
	static Map<String, Long> commandsPerAcquire(LocalRedis redis, String what, Runnable acquire) {
		Map<String, Long> clientBefore = RoundTrips.byCommand();
		Map<String, Long> serverBefore = redis.commandCalls();
		for (int i = 0; i < COUNTED_ACQUIRES; i++) {
			acquire.run();
		}
		Map<String, Long> sent = difference(RoundTrips.byCommand(), clientBefore);
		Map<String, Long> ran = difference(redis.commandCalls(), serverBefore);
		long total = sent.values().stream().mapToLong(Long::longValue).sum();
		System.out.printf("%s: %d acquires sent %d Redis commands %s; Redis ran %s%n", what, COUNTED_ACQUIRES, total,
				sent, ran);
		if (total < COUNTED_ACQUIRES) {
			throw new IllegalStateException(what + ": " + COUNTED_ACQUIRES + " acquires sent only " + total
					+ " Redis commands " + sent + ": the limiter does not ask Redis on every acquire");
		}
		long scriptsSent = sent.getOrDefault("EVALSHA", 0L) + sent.getOrDefault("EVAL", 0L);
		long scriptsRun = ran.getOrDefault("evalsha", 0L) + ran.getOrDefault("eval", 0L);
		if (scriptsSent != scriptsRun) {
			throw new IllegalStateException(what + ": the client sent " + scriptsSent + " scripts " + sent
					+ ", but Redis ran " + scriptsRun + " " + ran);
		}
		return sent;
	}

	private static Map<String, Long> difference(Map<String, Long> after, Map<String, Long> before) {
		Map<String, Long> difference = new TreeMap<>();
		after.forEach((command, count) -> {
			long grown = count - before.getOrDefault(command, 0L);
			if (grown > 0) {
				difference.put(command, grown);
			}
		});
		return difference;
	}

}
