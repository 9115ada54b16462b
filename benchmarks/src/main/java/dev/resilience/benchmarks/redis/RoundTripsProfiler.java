package dev.resilience.benchmarks.redis;

import java.util.Collection;
import java.util.List;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Reports the Redis commands sent per operation in each iteration, as counted by
 * {@link RoundTrips}: under contention, a limiter that retries shows it here.
 *
 * @author Resilience
 * @since 0.1.0
 */
public final class RoundTripsProfiler implements InternalProfiler {

	/**
	 * The label of the secondary result.
	 */
	public static final String LABEL = "redis.commands";

	private long before;

	@Override
	public String getDescription() {
		return "Redis commands sent per operation";
	}

	@Override
	public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
		this.before = RoundTrips.total();
	}

	@Override
	public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
			IterationResult result) {
		long commands = RoundTrips.total() - this.before;
		long operations = result.getMetadata().getAllOps();
		double perOperation = (operations > 0) ? (double) commands / operations : Double.NaN;
		return List.of(new ScalarResult(LABEL, perOperation, "commands/op", AggregationPolicy.AVG));
	}

}
