package dev.resilience.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;

/**
 * Runs every benchmark at 1 and then at 2 threads and writes the results to
 * {@code benchmarks/results/<date>-jdk<N>.md}.
 * <p>
 * Arguments: the profile, {@code quick} (default) or {@code full}, then optionally a
 * regular expression selecting the benchmarks. System properties:
 * {@code benchmarks.results} (the directory to write to, default
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
		LocalDate date = LocalDate.now();
		double loadBefore = loadAverage();
		List<Measurement> measurements = new ArrayList<>();
		for (int threads : THREADS) {
			for (RunResult result : new Runner(profile.options(include, threads)).run()) {
				measurements.add(Measurement.of(result));
			}
		}
		int jdk = Runtime.version().feature();
		String command = System.getProperty("benchmarks.command",
				"java -jar benchmarks/target/benchmarks.jar " + String.join(" ", args));
		Properties versions = versions();
		List<String> header = List.of("Command: `" + command.trim() + "`",
				"JDK: " + System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
						+ System.getProperty("java.runtime.version"),
				"Machine: " + Runtime.getRuntime().availableProcessors() + " cores (available processors), "
						+ System.getProperty("os.name") + " " + System.getProperty("os.arch")
						+ String.format(Locale.ROOT, "; load average %.1f before the run, %.1f after", loadBefore,
								loadAverage()),
				"Mode: " + profile.describe() + "; threads 1 and 2; average time in ns/op ± the 99.9% confidence "
						+ "half-width; bytes/op from `-prof gc` (`gc.alloc.rate.norm`)",
				"Versions: Spring Boot " + versions.getProperty("spring-boot.version") + ", Resilience4j "
						+ versions.getProperty("resilience4j.version") + ", JMH "
						+ versions.getProperty("jmh.version"));
		String page = new ResultsReport(measurements).render("Per-call cost, " + date + ", JDK " + jdk, header);
		Path directory = Path.of(System.getProperty("benchmarks.results", "benchmarks/results"));
		Files.createDirectories(directory);
		Path file = directory.resolve(date + "-jdk" + jdk + ".md");
		Files.writeString(file, page);
		System.out.println();
		System.out.print(page);
		System.out.println();
		System.out.println("Results written to " + file.toAbsolutePath());
	}

	/**
	 * Return the system load average of the last minute: anything else running on the
	 * same cores shows in every number.
	 */
	private static double loadAverage() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	private static Properties versions() {
		Properties versions = new Properties();
		try (InputStream in = BenchmarkRunner.class.getResourceAsStream("/benchmarks.properties")) {
			if (in != null) {
				versions.load(in);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return versions;
	}

}
