package dev.resilience.actuate;

import java.util.function.ToLongFunction;

import dev.resilience.saga.SagaCoordinator;
import dev.resilience.saga.SagaMetrics;
import dev.resilience.saga.SagaType;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@link MeterBinder} for every saga type a coordinator runs, those known when it is
 * bound and those first run later. Each, tagged {@code name}, gets
 * {@code resilience.saga.executions}, a counter per {@code outcome} ({@code completed},
 * {@code compensated}, {@code failed}), and {@code resilience.saga.active}, a gauge of
 * the executions this instance is running or compensating.
 *
 * @author Resilience
 * @since 0.1.0
 */
public class SagaMeterBinder implements MeterBinder {

	private static final String EXECUTIONS = "resilience.saga.executions";

	private static final String ACTIVE = "resilience.saga.active";

	private final SagaCoordinator coordinator;

	/**
	 * Create a binder for the saga types of the given coordinator.
	 * @param coordinator the coordinator
	 */
	public SagaMeterBinder(SagaCoordinator coordinator) {
		this.coordinator = coordinator;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.coordinator.types().forEachAndOnAdded((type) -> bind(type, registry));
	}

	private void bind(SagaType type, MeterRegistry registry) {
		Tags tags = Tags.of("name", type.name());
		SagaMetrics metrics = type.metrics();
		register(registry, tags, metrics, "completed", SagaMetrics::completed);
		register(registry, tags, metrics, "compensated", SagaMetrics::compensated);
		register(registry, tags, metrics, "failed", SagaMetrics::failed);
		Gauge.builder(ACTIVE, metrics, SagaMetrics::active)
			.description("Executions of the saga this instance is running or compensating")
			.tags(tags)
			.register(registry);
	}

	private void register(MeterRegistry registry, Tags tags, SagaMetrics metrics, String outcome,
			ToLongFunction<SagaMetrics> count) {
		FunctionCounter.builder(EXECUTIONS, metrics, (counters) -> count.applyAsLong(counters))
			.description("Finished executions of the saga, by outcome")
			.baseUnit("executions")
			.tags(tags)
			.tag("outcome", outcome)
			.register(registry);
	}

}
