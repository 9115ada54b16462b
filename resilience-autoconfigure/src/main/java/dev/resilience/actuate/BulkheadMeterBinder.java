package dev.resilience.actuate;

import java.util.function.ToLongFunction;

import dev.resilience.bulkhead.Bulkhead;
import dev.resilience.bulkhead.BulkheadMetrics;
import dev.resilience.bulkhead.BulkheadRegistry;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@link MeterBinder} for every bulkhead of a registry, those that exist when it is bound
 * and those created later. Each bulkhead, tagged {@code name}, gets:
 * <ul>
 * <li>{@code resilience.bulkhead.active.calls}: a gauge of the slots held;</li>
 * <li>{@code resilience.bulkhead.queued.calls}: a gauge of the callers queued for a
 * slot;</li>
 * <li>{@code resilience.bulkhead.calls}: a counter per {@code outcome}
 * ({@code permitted}, {@code rejected}) that reads the bulkhead's own counters.</li>
 * </ul>
 *
 * @author Resilience
 * @since 0.1.0
 */
public class BulkheadMeterBinder implements MeterBinder {

	private static final String ACTIVE_CALLS = "resilience.bulkhead.active.calls";

	private static final String QUEUED_CALLS = "resilience.bulkhead.queued.calls";

	private static final String CALLS = "resilience.bulkhead.calls";

	private final BulkheadRegistry bulkheads;

	/**
	 * Create a binder for the bulkheads of the given registry.
	 * @param bulkheads the registry
	 */
	public BulkheadMeterBinder(BulkheadRegistry bulkheads) {
		this.bulkheads = bulkheads;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.bulkheads.forEachAndOnAdded((bulkhead) -> bind(bulkhead, registry));
	}

	private void bind(Bulkhead bulkhead, MeterRegistry registry) {
		Tags tags = Tags.of("name", bulkhead.name());
		BulkheadMetrics metrics = bulkhead.metrics();
		Gauge.builder(ACTIVE_CALLS, metrics, BulkheadMetrics::activeCalls)
			.description("Calls holding a slot of the bulkhead")
			.baseUnit("calls")
			.tags(tags)
			.register(registry);
		Gauge.builder(QUEUED_CALLS, metrics, BulkheadMetrics::queuedCalls)
			.description("Calls queued for a slot of the bulkhead")
			.baseUnit("calls")
			.tags(tags)
			.register(registry);
		register(registry, tags, metrics, "permitted", BulkheadMetrics::permittedCalls);
		register(registry, tags, metrics, "rejected", BulkheadMetrics::rejectedCalls);
	}

	private void register(MeterRegistry registry, Tags tags, BulkheadMetrics metrics, String outcome,
			ToLongFunction<BulkheadMetrics> count) {
		FunctionCounter.builder(CALLS, metrics, (counters) -> count.applyAsLong(counters))
			.description("Calls through the bulkhead, by outcome")
			.baseUnit("calls")
			.tags(tags)
			.tag("outcome", outcome)
			.register(registry);
	}

}
