package dev.resilience.actuate;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.resilience.timelimiter.TimeLimiter;
import dev.resilience.timelimiter.TimeLimiterConfig;
import dev.resilience.timelimiter.TimeLimiterMetrics;
import dev.resilience.timelimiter.TimeLimiterRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Time limiters on the {@link ResilienceEndpoint}, under {@code time-limiters}. They have
 * no state an operator could change, so writes are refused.
 *
 * @author Resilience
 * @since 0.1.0
 */
public class TimeLimiterKind implements ResilienceKind {

	private final TimeLimiterRegistry registry;

	/**
	 * Create a kind showing the time limiters of the given registry.
	 * @param registry the registry
	 */
	public TimeLimiterKind(TimeLimiterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public String path() {
		return "time-limiters";
	}

	@Override
	public String key() {
		return "timeLimiters";
	}

	@Override
	public Map<String, Object> summaries() {
		Map<String, Object> summaries = new LinkedHashMap<>();
		for (TimeLimiter timeLimiter : this.registry.all()) {
			summaries.put(timeLimiter.name(), Summary.of(timeLimiter));
		}
		return summaries;
	}

	@Override
	public @Nullable InstanceDescription describe(String name) {
		return this.registry.find(name)
			.map((timeLimiter) -> InstanceDescription.of(timeLimiter.name(), Summary.of(timeLimiter),
					config(timeLimiter.config()), timeLimiter.events()))
			.orElse(null);
	}

	private static Map<String, Object> config(TimeLimiterConfig config) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("timeout", ConfigValues.duration(config.timeout()));
		values.put("cancel-running", config.cancelRunning());
		return values;
	}

	/**
	 * Call counters of a time limiter, by outcome, since it was created.
	 *
	 * @param successfulCalls calls that completed in time
	 * @param failedCalls calls that failed in time with an error of their own
	 * @param timedOutCalls calls that did not complete in time, or could not start
	 */
	public record Summary(long successfulCalls, long failedCalls, long timedOutCalls) {

		static Summary of(TimeLimiter timeLimiter) {
			TimeLimiterMetrics metrics = timeLimiter.metrics();
			return new Summary(metrics.successfulCalls(), metrics.failedCalls(), metrics.timedOutCalls());
		}

	}

}
