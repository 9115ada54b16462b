package dev.resilience.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the per-call benchmarks at 1 and then at 2 threads and writes the results to
 * {@code benchmarks/results/<date>-jdk<N>.md}; runs the {@link RedisComparison Redis
 * comparison} at 1 and 16 threads and writes it to
 * {@code benchmarks/results/<date>-jdk<N>-redis.md}.
 * <p>
 * Arguments: the profile, {@code quick} (default) or {@code full}, then optionally a
 * regular expression selecting the benchmarks, such as {@code redis} for the Redis
 * comparison alone; a page is written only for a suite of which a benchmark is selected.
 * System properties: {@code benchmarks.results} (the directory to write to, default
 * {@code benchmarks/results}) and {@code benchmarks.command} (the command named in the
 * header).
 *
 * @author Resilience
 * @since 0.1.0
 */
public final class BenchmarkRunner {

	private static final String ALL = "dev\\.resilience\\.benchmarks\\..*";

	private static final int[] THREADS = { 1, 2 };

	private BenchmarkRunner() {
	}

	/**
	 * Run the benchmarks and write the results.
	 * @param args the profile, then optionally a regular expression selecting benchmarks
	 * @throws RunnerException if a benchmark fails, its set-up checks included
	 * @throws IOException if the results cannot be written
	 */
	public static void main(String[] args) throws RunnerException, IOException {
		Profile profile = Profile.of((args.length > 0) ? args[0] : "quick");
		String include = (args.length > 1) ? args[1] : ALL;
		String command = System
			.getProperty("benchmarks.command", "java -jar benchmarks/target/benchmarks.jar " + String.join(" ", args))
			.trim();
		List<String> perCall = new ArrayList<>();
		List<String> redis = new ArrayList<>();
		for (String benchmark : matching(include)) {
			(RedisComparison.covers(benchmark) ? redis : perCall).add(benchmark);
		}
		if (perCall.isEmpty() && redis.isEmpty()) {
			throw new IllegalArgumentException("No benchmark matches '" + include + "'");
		}
		LocalDate date = LocalDate.now();
		String file = date + "-jdk" + Runtime.version().feature();
		if (!perCall.isEmpty()) {
			write(file + ".md", perCall(profile, perCall, command, date));
		}
		if (!redis.isEmpty()) {
			write(file + "-redis.md", RedisComparison.run(profile, redis, command, date));
		}
	}

	private static String perCall(Profile profile, List<String> benchmarks, String command, LocalDate date)
			throws RunnerException {
		double loadBefore = RunHeader.loadAverage();
		List<Measurement> measurements = new ArrayList<>();
		for (int threads : THREADS) {
			for (RunResult result : new Runner(profile.options(benchmarks, threads)).run()) {
				measurements.add(Measurement.of(result));
			}
		}
		Properties versions = RunHeader.versions();
		List<String> header = List.of("Command: `" + command + "`", RunHeader.jdk(), RunHeader.machine(loadBefore),
				"Mode: " + profile.describe() + "; threads 1 and 2; average time in ns/op ± the 99.9% confidence "
						+ "half-width; bytes/op from `-prof gc` (`gc.alloc.rate.norm`)",
				"Versions: Spring Boot " + versions.getProperty("spring-boot.version") + ", Resilience4j "
						+ versions.getProperty("resilience4j.version") + ", JMH "
						+ versions.getProperty("jmh.version"));
		return new ResultsReport(measurements).render("Per-call cost, " + date + ", JDK " + Runtime.version().feature(),
				header);
	}

	/**
	 * Return the benchmarks that a regular expression selects, as JMH selects them.
	 */
	private static List<String> matching(String include) {
		PrintStream quiet = new PrintStream(PrintStream.nullOutputStream());
		return BenchmarkList.defaultList()
			.find(OutputFormatFactory.createFormatInstance(quiet, VerboseMode.SILENT), List.of(include), List.of())
			.stream()
			.map(BenchmarkListEntry::getUsername)
			.distinct()
			.toList();
	}

	private static void write(String name, String page) throws IOException {
		Path directory = Path.of(System.getProperty("benchmarks.results", "benchmarks/results"));
		Files.createDirectories(directory);
		Path file = directory.resolve(name);
		Files.writeString(file, page);
		System.out.println();
		System.out.print(page);
		System.out.println();
		System.out.println("Results written to " + file.toAbsolutePath());
	}

}
