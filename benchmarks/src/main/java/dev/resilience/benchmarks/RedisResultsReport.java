package dev.resilience.benchmarks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Renders the Redis comparison as a Markdown page: a header saying how it was measured,
 * and one table row per benchmark and thread count, this project's row first with its
 * ratio to Bucket4j's row of the same name.
 *
 * @author Resilience
 * @since 0.1.0
 */
final class RedisResultsReport {

	private static final String OURS = "OursRedis";

	private static final String BUCKET4J = "Bucket4jRedis";

	private static final String NONE = "—";

	private final List<RedisMeasurement> measurements;

	/**
	 * Create a report.
	 * @param measurements the measurements, in any order
	 */
	RedisResultsReport(List<RedisMeasurement> measurements) {
		List<RedisMeasurement> sorted = new ArrayList<>(measurements);
		sorted.sort(Comparator.comparing(RedisMeasurement::method)
			.thenComparingInt(RedisMeasurement::threads)
			.thenComparing((measurement) -> !measurement.benchmark().startsWith(OURS)));
		this.measurements = List.copyOf(sorted);
	}

	/**
	 * Render the page.
	 * @param title the page's title
	 * @param header lines of the header, each rendered as a list item
	 * @return the Markdown text
	 */
	String render(String title, List<String> header) {
		StringBuilder page = RunHeader.start(title, header);
		page.append("| benchmark | threads | µs/op | ops/s | round trips per acquire | ours/Bucket4j |\n");
		page.append("|---|---:|---:|---:|---:|---:|\n");
		for (RedisMeasurement measurement : this.measurements) {
			page.append("| ")
				.append(measurement.benchmark())
				.append(" | ")
				.append(measurement.threads())
				.append(" | ")
				.append(time(measurement))
				.append(" | ")
				.append(String.format(Locale.ROOT, "%,.0f", measurement.opsPerSecond()))
				.append(" | ")
				.append(Double.isNaN(measurement.commandsPerOp()) ? NONE
						: String.format(Locale.ROOT, "%.2f", measurement.commandsPerOp()))
				.append(" | ")
				.append(ratio(measurement))
				.append(" |\n");
		}
		page.append('\n');
		page.append("`acquire` takes a permit of one bucket and waits for Redis's answer on the calling thread ")
			.append("(ours: `RateLimiter.acquirePermission`; Bucket4j: `BucketProxy.tryConsume(1)`), so that ")
			.append("at 16 threads the key is hot; `acquireAsync` does the same through the asynchronous API ")
			.append("(`reservePermissionAsync`; `AsyncBucketProxy.tryConsume(1)`) and joins the future; ")
			.append("`acquireManyKeys` takes turns through 1,000 keys, each thread starting at a different one. ")
			.append("Both limiters hold a million permits refilled at a million a second, so every acquire ")
			.append("succeeds, each over one Lettuce connection of its own. A round trip is a Redis command ")
			.append("and its reply; ours is one `EVALSHA` of its script, Bucket4j's compare-and-swap is a `GET` ")
			.append("then an `EVAL` that writes only if the bucket did not change, and starts over if it did. ")
			.append("ours/Bucket4j is the ratio of µs/op at the same thread count: below 1, ours is faster.\n");
		return page.toString();
	}

	private String ratio(RedisMeasurement measurement) {
		if (!measurement.benchmark().startsWith(OURS)) {
			return NONE;
		}
		String other = BUCKET4J + measurement.benchmark().substring(OURS.length());
		return find(other, measurement.threads())
			.map((bucket4j) -> String.format(Locale.ROOT, "%.2f", measurement.microsPerOp() / bucket4j.microsPerOp()))
			.orElse(NONE);
	}

	private Optional<RedisMeasurement> find(String benchmark, int threads) {
		return this.measurements.stream()
			.filter((measurement) -> measurement.benchmark().equals(benchmark) && measurement.threads() == threads)
			.findFirst();
	}

	private static String time(RedisMeasurement measurement) {
		String time = String.format(Locale.ROOT, "%.1f", measurement.microsPerOp());
		if (Double.isNaN(measurement.error())) {
			return time;
		}
		return time + " ± " + String.format(Locale.ROOT, "%.1f", measurement.error());
	}

}
