package dev.resilience.benchmarks;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

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
	 * the application's start fills the compiler's queue first.
	 */
	QUICK(1, 5, 1, 3, 1),

	/**
	 * Two forks, 5 warm-up and 5 measured iterations of 2 seconds.
	 */
	FULL(2, 5, 2, 5, 2);

	private final int forks;

	private final int warmupIterations;

	private final int warmupSeconds;

	private final int measurementIterations;

	private final int measurementSeconds;

	Profile(int forks, int warmupIterations, int warmupSeconds, int measurementIterations, int measurementSeconds) {
		this.forks = forks;
		this.warmupIterations = warmupIterations;
		this.warmupSeconds = warmupSeconds;
		this.measurementIterations = measurementIterations;
		this.measurementSeconds = measurementSeconds;
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
	 * Return the JMH options of one run: average time in nanoseconds, with the GC
	 * profiler for the bytes allocated per operation, failing on the first error.
	 * @param include regular expression selecting the benchmarks
	 * @param threads the number of threads calling each benchmark at once
	 * @return the options
	 */
	public Options options(String include, int threads) {
		return new OptionsBuilder().include(include)
			.mode(Mode.AverageTime)
			.timeUnit(TimeUnit.NANOSECONDS)
			.forks(this.forks)
			.warmupIterations(this.warmupIterations)
			.warmupTime(TimeValue.seconds(this.warmupSeconds))
			.measurementIterations(this.measurementIterations)
			.measurementTime(TimeValue.seconds(this.measurementSeconds))
			.threads(threads)
			.addProfiler(GCProfiler.class)
			.shouldFailOnError(true)
			.build();
	}

	/**
	 * Describe the profile for the results' header.
	 * @return for example {@code quick: 1 fork, warm-up 2 × 1 s, measurement 3 × 1 s}
	 */
	public String describe() {
		return name().toLowerCase(Locale.ROOT) + ": " + this.forks + ((this.forks == 1) ? " fork" : " forks")
				+ ", warm-up " + this.warmupIterations + " × " + this.warmupSeconds + " s, measurement "
				+ this.measurementIterations + " × " + this.measurementSeconds + " s";
	}

}
