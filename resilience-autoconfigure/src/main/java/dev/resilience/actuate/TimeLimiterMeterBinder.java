package dev.resilience.actuate;

import java.util.function.ToLongFunction;

import dev.resilience.timelimiter.TimeLimiter;
import dev.resilience.timelimiter.TimeLimiterMetrics;
import dev.resilience.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@link MeterBinder} for every time limiter of a registry, those that exist when it is
 * bound and those created later. Each time limiter, tagged {@code name}, gets
 * {@code resilience.timelimiter.calls}: a counter per {@code outcome} ({@code success},
 * {@code failure}, {@code timeout}) that reads the time limiter's own counters.
 *
 * @author Resilience
 * @since 0.1.0
 */
public class TimeLimiterMeterBinder implements MeterBinder {

	private static final String CALLS = "resilience.timelimiter.calls";

	private final TimeLimiterRegistry timeLimiters;

	/**
	 * Create a binder for the time limiters of the given registry.
	 * @param timeLimiters the registry
	 */
	public TimeLimiterMeterBinder(TimeLimiterRegistry timeLimiters) {
		this.timeLimiters = timeLimiters;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.timeLimiters.forEachAndOnAdded((timeLimiter) -> bind(timeLimiter, registry));
	}

	private void bind(TimeLimiter timeLimiter, MeterRegistry registry) {
		Tags tags = Tags.of("name", timeLimiter.name());
		TimeLimiterMetrics metrics = timeLimiter.metrics();
		register(registry, tags, metrics, "success", TimeLimiterMetrics::successfulCalls);
		register(registry, tags, metrics, "failure", TimeLimiterMetrics::failedCalls);
		register(registry, tags, metrics, "timeout", TimeLimiterMetrics::timedOutCalls);
	}

	private void register(MeterRegistry registry, Tags tags, TimeLimiterMetrics metrics, String outcome,
			ToLongFunction<TimeLimiterMetrics> count) {
		FunctionCounter.builder(CALLS, metrics, (counters) -> count.applyAsLong(counters))
			.description("Calls through the time limiter, by outcome")
			.baseUnit("calls")
			.tags(tags)
			.tag("outcome", outcome)
			.register(registry);
	}

}
