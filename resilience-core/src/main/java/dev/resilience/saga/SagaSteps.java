package dev.resilience.saga;

import java.util.UUID;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;

/**
 * A saga run by a {@link SagaTemplate}, through which its body calls its steps. Steps may
 * be called from any thread, and each runs with the saga current, so that
 * {@code @SagaStep} methods it calls belong to the saga too.
 *
 * @author Resilience
 * @since 0.1.0
 */
public interface SagaSteps {

	/**
	 * Return the id of the saga's execution.
	 * @return the id
	 */
	UUID id();

	/**
	 * Return the saga name.
	 * @return the name
	 */
	String name();

	/**
	 * Run a step that needs no compensation, such as a read, logging it.
	 * @param <R> the result type
	 * @param name the step name
	 * @param action the step
	 * @return its result
	 * @throws Exception the step's failure
	 */
	<R> @Nullable R step(String name, Callable<R> action) throws Exception;

	/**
	 * Run a step, logging it, with a compensation held in memory that undoes it if the
	 * saga fails.
	 * @param <R> the result type
	 * @param name the step name
	 * @param action the step
	 * @param compensation undoes the step, given its result; idempotent
	 * @return its result
	 * @throws Exception the step's failure
	 */
	<R> @Nullable R step(String name, Callable<R> action, StepCompensation<? super R> compensation) throws Exception;

}
