package dev.resilience.saga;

import org.jspecify.annotations.Nullable;

/**
 * Undoes a step of a {@link SagaTemplate} saga, held in memory: it cannot run after the
 * process that ran the saga stopped. It must be idempotent and must tolerate a step that
 * never took effect.
 *
 * @param <R> the step's result type
 * @author Resilience
 * @since 0.1.0
 */
@FunctionalInterface
public interface StepCompensation<R> {

	/**
	 * Undo the step.
	 * @param result the step's result, or {@code null} if it did not return (it failed
	 * with a transient error, so its outcome is unknown)
	 * @throws Exception if the compensation fails; it is then retried
	 */
	void compensate(@Nullable R result) throws Exception;

}
