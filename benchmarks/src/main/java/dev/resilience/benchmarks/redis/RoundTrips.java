package dev.resilience.benchmarks.redis;

import java.net.SocketAddress;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

import io.lettuce.core.metrics.CommandLatencyRecorder;
import io.lettuce.core.protocol.CommandType;
import io.lettuce.core.protocol.ProtocolKeyword;
import io.lettuce.core.resource.ClientResources;

/**
 * Counts the commands that the limiters' Lettuce clients send to Redis, each a request
 * and its reply: Lettuce tells a command latency recorder of every command answered. The
 * counts are global to the JVM, which runs one benchmark class at a time; the set-up
 * checks' own connection does not record.
 *
 * @author Resilience
 * @since 0.1.0
 */
public final class RoundTrips implements CommandLatencyRecorder {

	private static final LongAdder total = new LongAdder();

	private static final LongAdder[] byCommand = new LongAdder[CommandType.values().length];

	static {
		for (int i = 0; i < byCommand.length; i++) {
			byCommand[i] = new LongAdder();
		}
	}

	private RoundTrips() {
	}

	/**
	 * Return client resources whose clients count their commands here.
	 * @return new client resources, to be shut down by the caller
	 */
	static ClientResources clientResources() {
		return ClientResources.builder().commandLatencyRecorder(new RoundTrips()).build();
	}

	/**
	 * Return the commands answered so far.
	 * @return the count
	 */
	public static long total() {
		return total.sum();
	}

	/**
	 * Return the commands answered so far, by command.
	 * @return counts by command name, without the commands never sent
	 */
	static Map<String, Long> byCommand() {
		Map<String, Long> counts = new TreeMap<>();
		for (CommandType type : CommandType.values()) {
			long count = byCommand[type.ordinal()].sum();
			if (count > 0) {
				counts.put(type.name(), count);
			}
		}
		return counts;
	}

	@Override
	public void recordCommandLatency(SocketAddress local, SocketAddress remote, ProtocolKeyword commandType,
			long firstResponseLatency, long completionLatency) {
		total.increment();
		if (commandType instanceof CommandType type) {
			byCommand[type.ordinal()].increment();
		}
	}

	@Override
	public boolean isEnabled() {
		return true;
	}

}
