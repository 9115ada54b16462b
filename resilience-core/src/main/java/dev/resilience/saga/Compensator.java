package dev.resilience.saga;

/**
 * Runs the compensation of one logged step, found through its {@link CompensationRef} and
 * fed with its stored arguments and result. With Spring, it resolves the bean and the
 * compensation method and decodes the arguments with the application's Jackson.
 * <p>
 * The engine calls it when a saga fails, when recovery compensates a saga whose instance
 * stopped, and when an operator retries a failed compensation, so it must work from the
 * log alone, in any process. Compensations held in memory
 * ({@link CompensationRef#inMemory()}) are run by the engine itself and never reach it.
 *
 * @author Resilience
 * @since 0.1.0
 */
@FunctionalInterface
public interface Compensator {

	/**
	 * Run the compensation of a step once. A compensation that throws is retried as
	 * configured by {@link CompensationRetryConfig}.
	 * @param saga the execution the step belongs to
	 * @param step the step, whose {@link StepExecution#compensation()} is set
	 * @throws Exception if the compensation fails
	 */
	void compensate(SagaExecution saga, StepExecution step) throws Exception;

	/**
	 * A compensator for applications without durable compensations: it fails every call.
	 * @return a compensator that throws {@link IllegalStateException}
	 */
	static Compensator none() {
		return (saga, step) -> {
			throw new IllegalStateException("No compensator is configured to run " + step.compensation() + " for step '"
					+ step.name() + "' of saga '" + saga.name() + "'");
		};
	}

}
