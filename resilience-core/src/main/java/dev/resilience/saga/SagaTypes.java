package dev.resilience.saga;

import dev.resilience.core.Registry;
import dev.resilience.core.TimeSource;

/**
 * The saga types a coordinator has seen, created on first use.
 *
 * @author Resilience
 */
final class SagaTypes extends Registry<SagaType> {

	SagaTypes(TimeSource timeSource) {
		super((name) -> new SagaType(name, timeSource), SagaType::name);
	}

}
