package dev.resilience.benchmarks;

import java.util.Collection;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import dev.resilience.benchmarks.redis.RoundTripsProfiler;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.runner.options.Options;

/**
 * How long to measure: {@link #QUICK} for a check within minutes, {@link #FULL} for the
 * numbers to publish.
 *
 * @author Resilience
 * @since 0.1.0
 */
public enum Profile {

	/**
	 * One fork, 5 warm-up and 3 measured iterations of 1 second. Fewer warm-up seconds
	 * leave Resilience4j's aspects still being compiled when measurement starts, since
	 * the application's start fills the compiler's queue first. The Redis comparison runs
	 * 2 warm-up and 3 measured iterations of 2 seconds: its calls wait on the network, so
	 * that a second holds few of them.
	 */
	QUICK(new Iterations(1, 3, 1, 3, 1), new Iterations(1, 2, 2, 3, 2)),

	/**
	 * Two forks, 5 warm-up and 5 measured iterations of 2 seconds, the Redis comparison
	 * included.
	 */
	FULL(new Iterations(2, 5, 2, 5, 2), new Iterations(2, 5, 2, 5, 2));

	private final Iterations perCall;

	private final Iterations redis;

	Profile(Iterations perCall, Iterations redis) {
		this.perCall = perCall;
		this.redis = redis;
	}

	/**
	 * Return the profile of the given name.
	 * @param name {@code quick} or {@code full}, in any case
	 * @return the profile
	 * @throws IllegalArgumentException for any other name
	 */
	public static Profile of(String name) {
		for (Profile profile : values()) {
			if (profile.name().equalsIgnoreCase(name)) {
				return profile;
			}
		}
		throw new IllegalArgumentException("Unknown profile '" + name + "': use quick or full");
	}

	/**
	 * Return the JMH options of one run of per-call benchmarks: average time in
	 * nanoseconds, with the GC profiler for the bytes allocated per operation, failing on
	 * the first error.
	 * @param benchmarks the benchmarks' full names
	 * @param threads the number of threads calling each benchmark at once
	 * @return the options
	 */
	public Options options(Collection<String> benchmarks, int threads) {
		return this.perCall.options(benchmarks, threads)
			.mode(Mode.AverageTime)
			.timeUnit(TimeUnit.NANOSECONDS)
			.addProfiler(GCProfiler.class)
			.build();
	}

	/**
	 * Return the JMH options of one run of the Redis comparison: average time and
	 * throughput, each in its own forks, in microseconds, with the Redis commands sent
	 * per operation, failing on the first error.
	 * @param benchmarks the benchmarks' full names
	 * @param threads the number of threads calling each benchmark at once
	 * @return the options
	 */
	public Options redisOptions(Collection<String> benchmarks, int threads) {
		return this.redis.options(benchmarks, threads)
			.mode(Mode.AverageTime)
			.mode(Mode.Throughput)
			.timeUnit(TimeUnit.MICROSECONDS)
			.addProfiler(RoundTripsProfiler.class)
			.build();
	}

	/**
	 * Describe the profile of the per-call benchmarks for the results' header.
	 * @return for example {@code quick: 1 fork, warm-up 2 × 1 s, measurement 3 × 1 s}
	 */
	public String describe() {
		return name().toLowerCase(Locale.ROOT) + ": " + this.perCall.describe();
	}

	/**
	 * Describe the profile of the Redis comparison for the results' header.
	 * @return for example {@code quick: 1 fork, warm-up 2 × 2 s, measurement 3 × 2 s}
	 */
	public String describeRedis() {
		return name().toLowerCase(Locale.ROOT) + ": " + this.redis.describe();
	}

}
