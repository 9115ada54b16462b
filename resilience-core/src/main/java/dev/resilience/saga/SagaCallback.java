package dev.resilience.saga;

/**
 * The body of a saga run by a {@link SagaTemplate}.
 *
 * @param <R> the result type
 * @author Resilience
 * @since 0.1.0
 */
@FunctionalInterface
public interface SagaCallback<R> {

	/**
	 * Run the saga's body, calling its steps through the given handle.
	 * @param saga the running saga
	 * @return the result
	 * @throws Exception if the saga fails; its steps are then compensated
	 */
	R doInSaga(SagaSteps saga) throws Exception;

}
