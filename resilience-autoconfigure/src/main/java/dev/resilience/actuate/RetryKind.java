package dev.resilience.actuate;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.resilience.retry.Retry;
import dev.resilience.retry.RetryConfig;
import dev.resilience.retry.RetryMetrics;
import dev.resilience.retry.RetryRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Retries on the {@link ResilienceEndpoint}, under {@code retries}. They have no state an
 * operator could change, so writes are refused.
 *
 * @author Resilience
 * @since 0.1.0
 */
public class RetryKind implements ResilienceKind {

	private final RetryRegistry registry;

	/**
	 * Create a kind showing the retries of the given registry.
	 * @param registry the registry
	 */
	public RetryKind(RetryRegistry registry) {
		this.registry = registry;
	}

	@Override
	public String path() {
		return "retries";
	}

	@Override
	public String key() {
		return "retries";
	}

	@Override
	public Map<String, Object> summaries() {
		Map<String, Object> summaries = new LinkedHashMap<>();
		for (Retry retry : this.registry.all()) {
			summaries.put(retry.name(), Summary.of(retry));
		}
		return summaries;
	}

	@Override
	public @Nullable InstanceDescription describe(String name) {
		return this.registry.find(name)
			.map((retry) -> InstanceDescription.of(retry.name(), Summary.of(retry), config(retry.config()),
					retry.events()))
			.orElse(null);
	}

	private static Map<String, Object> config(RetryConfig config) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("max-attempts", config.maxAttempts());
		values.put("wait-duration", ConfigValues.duration(config.waitDuration()));
		values.put("backoff", ConfigValues.enumValue(config.backoff()));
		values.put("multiplier", config.multiplier());
		values.put("max-wait-duration", ConfigValues.duration(config.maxWaitDuration()));
		values.put("jitter", config.jitter());
		values.put("retry-exceptions", ConfigValues.exceptions(config.retryExceptions()));
		values.put("ignore-exceptions", ConfigValues.exceptions(config.ignoreExceptions()));
		return values;
	}

	/**
	 * Call counters of a retry, by outcome, since it was created.
	 *
	 * @param successWithoutRetry calls that succeeded on their first attempt
	 * @param successWithRetry calls that succeeded after one or more retries
	 * @param failureWithRetry calls that failed after one or more retries
	 * @param failureWithoutRetry calls that failed on their first attempt, without a
	 * retry
	 */
	public record Summary(long successWithoutRetry, long successWithRetry, long failureWithRetry,
			long failureWithoutRetry) {

		static Summary of(Retry retry) {
			RetryMetrics metrics = retry.metrics();
			return new Summary(metrics.successWithoutRetry(), metrics.successWithRetry(), metrics.failureWithRetry(),
					metrics.failureWithoutRetry());
		}

	}

}
