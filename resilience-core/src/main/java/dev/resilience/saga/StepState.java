package dev.resilience.saga;

/**
 * The state of one step of a saga execution.
 *
 * @author Resilience
 * @since 0.1.0
 */
public enum StepState {

	/**
	 * Started and not known to have finished: it is running, the instance running it
	 * stopped, or it failed with a transient error (then its error is set). Its outcome
	 * is unknown, so it is compensated if the saga fails.
	 */
	STARTED,

	/**
	 * Completed, with its result stored.
	 */
	COMPLETED,

	/**
	 * Failed with a permanent error: known not to have taken effect, never compensated.
	 */
	FAILED,

	/**
	 * Compensated.
	 */
	COMPENSATED,

	/**
	 * Its compensation failed on every attempt; retried when an operator retries the
	 * saga.
	 */
	COMPENSATION_FAILED

}
