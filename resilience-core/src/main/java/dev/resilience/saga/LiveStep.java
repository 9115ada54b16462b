package dev.resilience.saga;

import org.jspecify.annotations.Nullable;

/**
 * A step of a saga running in this process, as far as this process knows it. Only the
 * thread that runs the step changes it, while holding its saga's write permit.
 *
 * @author Resilience
 */
final class LiveStep {

	private final int sequence;

	private final StepDefinition definition;

	private final @Nullable String arguments;

	private final @Nullable StepCompensation<Object> memory;

	private volatile StepState state = StepState.STARTED;

	private volatile @Nullable String error;

	private volatile @Nullable String result;

	private volatile @Nullable Object value;

	LiveStep(int sequence, StepDefinition definition, @Nullable String arguments,
			@Nullable StepCompensation<Object> memory) {
		this.sequence = sequence;
		this.definition = definition;
		this.arguments = arguments;
		this.memory = memory;
	}

	int sequence() {
		return this.sequence;
	}

	String name() {
		return this.definition.name();
	}

	StepExecution started() {
		return StepExecution.started(this.sequence, this.definition.name(), this.arguments,
				this.definition.compensation());
	}

	void completed(@Nullable String result, @Nullable Object value) {
		this.result = result;
		this.value = value;
		this.state = StepState.COMPLETED;
	}

	void failed(String error, boolean permanent) {
		this.error = error;
		if (permanent) {
			this.state = StepState.FAILED;
		}
	}

	/**
	 * Return the compensation held in memory, bound to the step's result.
	 * @return the compensation, or {@code null} if the step has none in memory
	 */
	@Nullable MemoryCompensation memoryCompensation() {
		StepCompensation<Object> compensation = this.memory;
		if (compensation == null) {
			return null;
		}
		Object boundValue = this.value;
		return () -> compensation.compensate(boundValue);
	}

	StepExecution snapshot() {
		return new StepExecution(this.sequence, this.definition.name(), this.state, 0, this.error, this.arguments,
				this.result, this.definition.compensation());
	}

}
