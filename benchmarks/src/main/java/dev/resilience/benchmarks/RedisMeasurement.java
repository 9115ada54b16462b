package dev.resilience.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.resilience.benchmarks.redis.RoundTripsProfiler;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * One Redis benchmark's result at one thread count, in both modes it ran in.
 *
 * @param benchmark the benchmark, as {@code SimpleClassName.method}
 * @param threads the number of threads that called it at once
 * @param microsPerOp the average time per call, in microseconds
 * @param error the half-width of its 99.9% confidence interval, {@code NaN} if unknown
 * @param opsPerSecond the calls per second of all threads together
 * @param commandsPerOp the Redis commands sent per call, {@code NaN} if not measured
 * @author Resilience
 * @since 0.1.0
 */
record RedisMeasurement(String benchmark, int threads, double microsPerOp, double error, double opsPerSecond,
		double commandsPerOp) {

	private static final double MICROS_PER_SECOND = TimeUnit.SECONDS.toMicros(1);

	/**
	 * Pair the average-time and the throughput result of each benchmark and thread count.
	 * @param results results in microseconds, in both modes
	 * @return one measurement per benchmark and thread count
	 * @throws IllegalStateException if a mode is missing
	 */
	static List<RedisMeasurement> of(Collection<RunResult> results) {
		Map<String, RunResult> averageTime = new LinkedHashMap<>();
		Map<String, RunResult> throughput = new LinkedHashMap<>();
		for (RunResult result : results) {
			String key = Measurement.name(result) + "@" + result.getParams().getThreads();
			Mode mode = result.getParams().getMode();
			(mode == Mode.Throughput ? throughput : averageTime).put(key, result);
		}
		List<RedisMeasurement> measurements = new ArrayList<>();
		averageTime.forEach((key, time) -> {
			RunResult rate = throughput.get(key);
			if (rate == null) {
				throw new IllegalStateException("No throughput result for " + key);
			}
			Result<?> primary = time.getPrimaryResult();
			measurements.add(new RedisMeasurement(Measurement.name(time), time.getParams().getThreads(),
					primary.getScore(), primary.getScoreError(), rate.getPrimaryResult().getScore() * MICROS_PER_SECOND,
					commandsPerOp(time)));
		});
		return measurements;
	}

	private static double commandsPerOp(RunResult result) {
		Result<?> commands = result.getSecondaryResults().get(RoundTripsProfiler.LABEL);
		return (commands != null) ? commands.getScore() : Double.NaN;
	}

	/**
	 * Return the method part of the name.
	 * @return for example {@code acquire}
	 */
	String method() {
		return this.benchmark.substring(this.benchmark.indexOf('.') + 1);
	}

}
