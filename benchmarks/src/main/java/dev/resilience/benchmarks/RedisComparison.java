package dev.resilience.benchmarks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import dev.resilience.benchmarks.redis.LocalRedis;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;

/**
 * Runs the benchmarks of {@code dev.resilience.benchmarks.redis}, this project's
 * Redis-backed rate limiter against Bucket4j's, at 1 and at 16 threads. Sixteen rather
 * than the 2 of the per-call benchmarks: each acquire waits on a network round trip, not
 * on a core, so more callers than cores still add load, and contention on one hot key
 * only shows with many callers at once.
 *
 * @author Resilience
 * @since 0.1.0
 */
final class RedisComparison {

	private static final String PACKAGE = "dev.resilience.benchmarks.redis.";

	private static final int[] THREADS = { 1, 16 };

	private RedisComparison() {
	}

	/**
	 * Return whether a benchmark belongs to the comparison.
	 * @param benchmark the benchmark's full name
	 * @return {@code true} if it does
	 */
	static boolean covers(String benchmark) {
		return benchmark.startsWith(PACKAGE);
	}

	/**
	 * Run benchmarks of the comparison and render their results.
	 * @param profile how long to measure
	 * @param benchmarks the benchmarks' full names
	 * @param command the command that started the run, for the header
	 * @param date the date of the run
	 * @return the results page
	 * @throws RunnerException if a benchmark fails, its set-up checks included
	 */
	static String run(Profile profile, List<String> benchmarks, String command, LocalDate date) throws RunnerException {
		double loadBefore = RunHeader.loadAverage();
		List<RunResult> results = new ArrayList<>();
		for (int threads : THREADS) {
			results.addAll(new Runner(profile.redisOptions(benchmarks, threads)).run());
		}
		Properties versions = RunHeader.versions();
		List<String> header = List.of("Command: `" + command + "`", RunHeader.jdk(), RunHeader.machine(loadBefore),
				"Mode: " + profile.describeRedis() + "; threads 1 and 16; average time in µs/op ± the 99.9% "
						+ "confidence half-width, and ops/s of all threads together from a separate run in "
						+ "throughput mode; Redis commands per acquire counted by Lettuce during the "
						+ "average-time iterations",
				"Redis: " + LocalRedis.version() + ", the Linux build shipped in embedded-redis "
						+ versions.getProperty("embedded-redis.version")
						+ ", on 127.0.0.1 of the same machine, without persistence; a server of its own per fork",
				"Versions: Spring Boot " + versions.getProperty("spring-boot.version") + ", Spring Data Redis "
						+ RunHeader.version("org.springframework.data", "spring-data-redis") + ", Lettuce "
						+ RunHeader.version("io.lettuce", "lettuce-core") + ", Bucket4j "
						+ versions.getProperty("bucket4j.version") + " (`bucket4j_jdk17-lettuce`), JMH "
						+ versions.getProperty("jmh.version"));
		return new RedisResultsReport(RedisMeasurement.of(results))
			.render("Redis-backed rate limiter, " + date + ", JDK " + Runtime.version().feature(), header);
	}

}
