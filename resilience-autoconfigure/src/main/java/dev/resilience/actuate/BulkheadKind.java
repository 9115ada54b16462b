package dev.resilience.actuate;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.resilience.bulkhead.Bulkhead;
import dev.resilience.bulkhead.BulkheadConfig;
import dev.resilience.bulkhead.BulkheadMetrics;
import dev.resilience.bulkhead.BulkheadRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Bulkheads on the {@link ResilienceEndpoint}, under {@code bulkheads}. They have no
 * state an operator could change, so writes are refused.
 *
 * @author Resilience
 * @since 0.1.0
 */
public class BulkheadKind implements ResilienceKind {

	private final BulkheadRegistry registry;

	/**
	 * Create a kind showing the bulkheads of the given registry.
	 * @param registry the registry
	 */
	public BulkheadKind(BulkheadRegistry registry) {
		this.registry = registry;
	}

	@Override
	public String path() {
		return "bulkheads";
	}

	@Override
	public String key() {
		return "bulkheads";
	}

	@Override
	public Map<String, Object> summaries() {
		Map<String, Object> summaries = new LinkedHashMap<>();
		for (Bulkhead bulkhead : this.registry.all()) {
			summaries.put(bulkhead.name(), Summary.of(bulkhead));
		}
		return summaries;
	}

	@Override
	public @Nullable InstanceDescription describe(String name) {
		return this.registry.find(name)
			.map((bulkhead) -> InstanceDescription.of(bulkhead.name(), Summary.of(bulkhead), config(bulkhead.config()),
					bulkhead.events()))
			.orElse(null);
	}

	private static Map<String, Object> config(BulkheadConfig config) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("max-concurrent-calls", config.maxConcurrentCalls());
		values.put("max-wait-duration", ConfigValues.duration(config.maxWaitDuration()));
		return values;
	}

	/**
	 * Live state and counters of a bulkhead, its counters since it was created.
	 *
	 * @param activeCalls slots held right now
	 * @param queuedCalls callers queued for a slot right now
	 * @param availableSlots free slots right now
	 * @param permittedCalls calls that got a slot, at once or after waiting
	 * @param rejectedCalls calls turned away
	 * @param maxConcurrentCalls the number of slots
	 */
	public record Summary(int activeCalls, int queuedCalls, int availableSlots, long permittedCalls, long rejectedCalls,
			int maxConcurrentCalls) {

		static Summary of(Bulkhead bulkhead) {
			BulkheadMetrics metrics = bulkhead.metrics();
			return new Summary(metrics.activeCalls(), metrics.queuedCalls(), metrics.availableSlots(),
					metrics.permittedCalls(), metrics.rejectedCalls(), bulkhead.config().maxConcurrentCalls());
		}

	}

}
