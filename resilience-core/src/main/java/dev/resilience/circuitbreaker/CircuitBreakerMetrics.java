package dev.resilience.circuitbreaker;

/**
 * Live numbers of a circuit breaker. While closed they describe its sliding window, while
 * half-open its trial calls; open, forced open and disabled keep those of the state they
 * came from. Only {@link #notPermittedCalls()} counts since creation.
 *
 * @author Resilience
 * @since 0.1.0
 * @see CircuitBreaker#metrics()
 */
public interface CircuitBreakerMetrics {

	/**
	 * Return the percentage of buffered calls that failed.
	 * @return the failure rate in percent, or {@code -1} while closed with fewer than
	 * {@code minimumNumberOfCalls} buffered (or half-open before any trial call ended)
	 */
	float failureRate();

	/**
	 * Return the percentage of buffered calls that were slow, failed or not.
	 * @return the slow-call rate in percent, or {@code -1} when it cannot be computed
	 * yet, as for {@link #failureRate()}
	 */
	float slowCallRate();

	/**
	 * Return the number of calls the rates are computed over. Ignored calls are not
	 * buffered.
	 * @return the number of buffered calls
	 */
	int bufferedCalls();

	/**
	 * Return the number of buffered calls that failed.
	 * @return the number of failed calls
	 */
	int failedCalls();

	/**
	 * Return the number of buffered calls that were slow, failed or not.
	 * @return the number of slow calls
	 */
	int slowCalls();

	/**
	 * Return the number of buffered calls that did not fail, slow ones included.
	 * @return the number of successful calls
	 */
	int successfulCalls();

	/**
	 * Return the number of calls rejected since the circuit breaker was created.
	 * @return the number of calls not permitted
	 */
	long notPermittedCalls();

}
