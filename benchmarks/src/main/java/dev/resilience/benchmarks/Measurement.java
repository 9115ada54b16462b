package dev.resilience.benchmarks;

import java.util.Map;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * One benchmark's result at one thread count.
 *
 * @param benchmark the benchmark, as {@code SimpleClassName.method}
 * @param threads the number of threads that called it at once
 * @param nanosPerOp the average time per call, in nanoseconds
 * @param error the half-width of its 99.9% confidence interval, {@code NaN} if unknown
 * @param bytesPerOp the bytes allocated per call, {@code NaN} if not measured
 * @author Resilience
 * @since 0.1.0
 */
public record Measurement(String benchmark, int threads, double nanosPerOp, double error, double bytesPerOp) {

	private static final String ALLOCATION = "gc.alloc.rate.norm";

	/**
	 * Read a JMH result.
	 * @param result the result of one benchmark at one thread count
	 * @return the measurement
	 */
	public static Measurement of(RunResult result) {
		String benchmark = name(result);
		Result<?> primary = result.getPrimaryResult();
		double bytes = Double.NaN;
		for (Map.Entry<String, Result> secondary : result.getSecondaryResults().entrySet()) {
			if (secondary.getKey().endsWith(ALLOCATION)) {
				bytes = secondary.getValue().getScore();
			}
		}
		return new Measurement(benchmark, result.getParams().getThreads(), primary.getScore(), primary.getScoreError(),
				bytes);
	}

	/**
	 * Return the short name of a result's benchmark.
	 * @param result a JMH result
	 * @return for example {@code OursEngines.rateLimiter}
	 */
	static String name(RunResult result) {
		String name = result.getParams().getBenchmark();
		int method = name.lastIndexOf('.');
		return name.substring(name.lastIndexOf('.', method - 1) + 1);
	}

	/**
	 * Return the class part of the name.
	 * @return for example {@code OursAnnotations}
	 */
	public String group() {
		return this.benchmark.substring(0, this.benchmark.indexOf('.'));
	}

}
