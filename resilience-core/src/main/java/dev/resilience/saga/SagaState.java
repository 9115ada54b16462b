package dev.resilience.saga;

/**
 * The state of a saga execution.
 *
 * @author Resilience
 * @since 0.1.0
 */
public enum SagaState {

	/**
	 * Its body is running; steps are being logged.
	 */
	RUNNING,

	/**
	 * Its body returned; nothing will be compensated.
	 */
	COMPLETED,

	/**
	 * Its body failed, or the instance running it stopped, and its steps are being
	 * compensated.
	 */
	COMPENSATING,

	/**
	 * Every step that needed it was compensated.
	 */
	COMPENSATED,

	/**
	 * A compensation failed on every attempt; the saga waits for an operator to retry.
	 */
	FAILED;

	/**
	 * Whether a saga in this state is owned by an instance working on it, and is taken
	 * over by recovery when that instance's lease expires.
	 * @return {@code true} for {@link #RUNNING} and {@link #COMPENSATING}
	 */
	public boolean isActive() {
		return this == RUNNING || this == COMPENSATING;
	}

}
