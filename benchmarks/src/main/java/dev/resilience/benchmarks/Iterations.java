package dev.resilience.benchmarks;

import java.util.Collection;
import java.util.regex.Pattern;

import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * How many forks and iterations of how long one suite of benchmarks runs.
 *
 * @param forks the JVMs forked per benchmark
 * @param warmupIterations iterations before measuring
 * @param warmupSeconds the length of each, in seconds
 * @param measurementIterations iterations measured
 * @param measurementSeconds the length of each, in seconds
 * @author Resilience
 * @since 0.1.0
 */
record Iterations(int forks, int warmupIterations, int warmupSeconds, int measurementIterations,
		int measurementSeconds) {

	/**
	 * Start the options of a run of the given benchmarks at a thread count, failing on
	 * the first error.
	 * @param benchmarks the benchmarks' full names
	 * @param threads the number of threads calling each benchmark at once
	 * @return the options, to which the caller adds modes and profilers
	 */
	ChainedOptionsBuilder options(Collection<String> benchmarks, int threads) {
		ChainedOptionsBuilder options = new OptionsBuilder();
		for (String benchmark : benchmarks) {
			options.include("^" + Pattern.quote(benchmark) + "$");
		}
		return options.forks(this.forks)
			.warmupIterations(this.warmupIterations)
			.warmupTime(TimeValue.seconds(this.warmupSeconds))
			.measurementIterations(this.measurementIterations)
			.measurementTime(TimeValue.seconds(this.measurementSeconds))
			.threads(threads)
			.shouldFailOnError(true);
	}

	/**
	 * Describe the iterations for the results' header.
	 * @return for example {@code 1 fork, warm-up 2 × 1 s, measurement 3 × 1 s}
	 */
	String describe() {
		return this.forks + ((this.forks == 1) ? " fork" : " forks") + ", warm-up " + this.warmupIterations + " × "
				+ this.warmupSeconds + " s, measurement " + this.measurementIterations + " × " + this.measurementSeconds
				+ " s";
	}

}
