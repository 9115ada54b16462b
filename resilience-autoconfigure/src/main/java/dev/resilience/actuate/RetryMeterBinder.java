package dev.resilience.actuate;

import java.util.function.ToLongFunction;

import dev.resilience.retry.Retry;
import dev.resilience.retry.RetryMetrics;
import dev.resilience.retry.RetryRegistry;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@link MeterBinder} for every retry of a registry, those that exist when it is bound
 * and those created later. Each retry, tagged {@code name}, gets
 * {@code resilience.retry.calls}: a counter per {@code outcome}
 * ({@code success_without_retry}, {@code success_with_retry}, {@code failure_with_retry},
 * {@code failure_without_retry}) that reads the retry's own counters.
 *
 * @author Resilience
 * @since 0.1.0
 */
public class RetryMeterBinder implements MeterBinder {

	private static final String CALLS = "resilience.retry.calls";

	private final RetryRegistry retries;

	/**
	 * Create a binder for the retries of the given registry.
	 * @param retries the registry
	 */
	public RetryMeterBinder(RetryRegistry retries) {
		this.retries = retries;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.retries.forEachAndOnAdded((retry) -> bind(retry, registry));
	}

	private void bind(Retry retry, MeterRegistry registry) {
		Tags tags = Tags.of("name", retry.name());
		RetryMetrics metrics = retry.metrics();
		register(registry, tags, metrics, "success_without_retry", RetryMetrics::successWithoutRetry);
		register(registry, tags, metrics, "success_with_retry", RetryMetrics::successWithRetry);
		register(registry, tags, metrics, "failure_with_retry", RetryMetrics::failureWithRetry);
		register(registry, tags, metrics, "failure_without_retry", RetryMetrics::failureWithoutRetry);
	}

	private void register(MeterRegistry registry, Tags tags, RetryMetrics metrics, String outcome,
			ToLongFunction<RetryMetrics> count) {
		FunctionCounter.builder(CALLS, metrics, (counters) -> count.applyAsLong(counters))
			.description("Calls through the retry, by outcome")
			.baseUnit("calls")
			.tags(tags)
			.tag("outcome", outcome)
			.register(registry);
	}

}
