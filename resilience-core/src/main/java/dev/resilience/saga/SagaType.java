package dev.resilience.saga;

import dev.resilience.core.EventBuffer;
import dev.resilience.core.TimeSource;

/**
 * One kind of saga, such as {@code place-order}: the executions of that name in this
 * instance, counted and with their recent events.
 *
 * @author Resilience
 * @since 0.1.0
 */
public final class SagaType {

	private final String name;

	private final SagaRecorder recorder;

	SagaType(String name, TimeSource timeSource) {
		this.name = name;
		this.recorder = new SagaRecorder(timeSource);
	}

	/**
	 * Return the saga name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Return the execution counters by outcome and the number of active executions.
	 * @return the metrics
	 */
	public SagaMetrics metrics() {
		return this.recorder;
	}

	/**
	 * Return the recent events: compensations, their retries and outcomes, recoveries.
	 * @return the event buffer
	 */
	public EventBuffer events() {
		return this.recorder.events();
	}

	SagaRecorder recorder() {
		return this.recorder;
	}

	@Override
	public String toString() {
		return "SagaType[" + this.name + "]";
	}

}
