package dev.resilience.benchmarks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Renders measurements as a Markdown page: a header saying how they were made, and one
 * table row per benchmark and thread count with its ratios to {@code interceptorFloor}
 * and to the matching Resilience4j benchmark at the same thread count.
 *
 * @author Resilience
 * @since 0.1.0
 */
public final class ResultsReport {

	/**
	 * The benchmark every row is compared with.
	 */
	static final String FLOOR = "Baseline.interceptorFloor";

	private static final String OURS = "Ours";

	private static final String RESILIENCE4J = "Resilience4j";

	private static final List<String> GROUP_ORDER = List.of("Baseline", "OursAnnotations", "OursAnnotationsCoarseClock",
			"Resilience4jAnnotations", "SpringAnnotations", "OursEngines", "Resilience4jEngines");

	private static final String NONE = "—";

	private final List<Measurement> measurements;

	/**
	 * Create a report.
	 * @param measurements the measurements, in any order
	 */
	public ResultsReport(List<Measurement> measurements) {
		List<Measurement> sorted = new ArrayList<>(measurements);
		sorted.sort(Comparator.comparingInt((Measurement measurement) -> groupRank(measurement.group()))
			.thenComparing(Measurement::benchmark)
			.thenComparingInt(Measurement::threads));
		this.measurements = List.copyOf(sorted);
	}

	private static int groupRank(String group) {
		int rank = GROUP_ORDER.indexOf(group);
		return (rank >= 0) ? rank : GROUP_ORDER.size();
	}

	/**
	 * Render the page.
	 * @param title the page's title
	 * @param header lines of the header, each rendered as a list item
	 * @return the Markdown text
	 */
	public String render(String title, List<String> header) {
		StringBuilder page = RunHeader.start(title, header);
		page.append("| benchmark | threads | ns/op | bytes/op | × interceptorFloor | × Resilience4j |\n");
		page.append("|---|---:|---:|---:|---:|---:|\n");
		for (Measurement measurement : this.measurements) {
			page.append("| ")
				.append(measurement.benchmark())
				.append(" | ")
				.append(measurement.threads())
				.append(" | ")
				.append(time(measurement))
				.append(" | ")
				.append(bytes(measurement.bytesPerOp()))
				.append(" | ")
				.append(ratio(measurement, Optional.of(FLOOR)))
				.append(" | ")
				.append(ratio(measurement, resilience4jMatch(measurement.benchmark())))
				.append(" |\n");
		}
		page.append('\n');
		page.append("`Baseline.raw` calls the method directly; `Baseline.interceptorFloor` calls it through a ")
			.append("class proxy with one no-op `MethodInterceptor`, the least any annotation-driven library ")
			.append("can cost through a Spring proxy. `Baseline.clock` is one `System.nanoTime()`, which a ")
			.append("rate limiter reads once per call and a circuit breaker twice, ours and Resilience4j's alike. ")
			.append("`*Annotations` call annotated beans of a Spring Boot ")
			.append("application through their proxies; `*Engines` call the engines by hand, one instance shared ")
			.append("by the threads. `OursAnnotationsCoarseClock` calls the same beans as `OursAnnotations` with ")
			.append("a `TimeSource` bean that reads a field a thread updates every millisecond: not a shipped ")
			.append("configuration, it shows what the patterns cost apart from `System.nanoTime()`. ")
			.append("`Ours*` rows are compared with the `Resilience4j*` row of the same name. ")
			.append("Every call succeeds: the breaker is closed, the first attempt succeeds, a permit is ")
			.append("available, a slot is free.\n");
		return page.toString();
	}

	private Optional<String> resilience4jMatch(String benchmark) {
		if (benchmark.startsWith(OURS)) {
			return Optional.of(RESILIENCE4J + benchmark.substring(OURS.length()));
		}
		return Optional.empty();
	}

	private String ratio(Measurement measurement, Optional<String> reference) {
		return reference.flatMap((name) -> find(name, measurement.threads()))
			.map((other) -> String.format(Locale.ROOT, "%.2f", measurement.nanosPerOp() / other.nanosPerOp()))
			.orElse(NONE);
	}

	private Optional<Measurement> find(String benchmark, int threads) {
		return this.measurements.stream()
			.filter((measurement) -> measurement.benchmark().equals(benchmark) && measurement.threads() == threads)
			.findFirst();
	}

	private static String time(Measurement measurement) {
		double score = measurement.nanosPerOp();
		String pattern = (score < 10) ? "%.2f" : (score < 1000) ? "%.1f" : "%.0f";
		String time = String.format(Locale.ROOT, pattern, score);
		if (Double.isNaN(measurement.error())) {
			return time;
		}
		return time + " ± " + String.format(Locale.ROOT, pattern, measurement.error());
	}

	private static String bytes(double bytesPerOp) {
		return Double.isNaN(bytesPerOp) ? NONE : String.format(Locale.ROOT, "%.0f", bytesPerOp);
	}

}
