package dev.resilience.saga;

/**
 * Counters of one saga's executions in this instance, by outcome, one per {@code outcome}
 * tag of the {@code resilience.saga.executions} meter, and the gauge of
 * {@code resilience.saga.active}. Outcomes are counted where they happen: a saga
 * compensated by recovery or by an operator's retry counts on the instance that did it,
 * and a saga retried by an operator counts again.
 *
 * @author Resilience
 * @since 0.1.0
 */
public interface SagaMetrics {

	/**
	 * Return how many executions completed.
	 * @return the count of {@code completed}
	 */
	long completed();

	/**
	 * Return how many compensations finished with every step compensated.
	 * @return the count of {@code compensated}
	 */
	long compensated();

	/**
	 * Return how many compensations stopped at a compensation that failed on every
	 * attempt.
	 * @return the count of {@code failed}
	 */
	long failed();

	/**
	 * Return how many executions this instance is running or compensating now.
	 * @return the number of active executions
	 */
	int active();

}
