package dev.resilience.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method as a step of whichever {@link Saga @Saga} is running when it is called:
 * the call is logged as started (with its arguments) before it runs, and as completed
 * (with its result) or failed after. If the saga fails, the step's {@link #compensation()
 * compensation} undoes it; see {@link Saga} for which steps are compensated when.
 * <p>
 * Called outside any saga, the method just runs: nothing is logged and nothing will be
 * compensated. A step called from inside another step is a step of its own, logged and
 * compensated separately (before the step that called it, since it started later).
 * <p>
 * <b>Compensations must be idempotent</b> and must tolerate a step that never took
 * effect: a step whose outcome is unknown (a time-out, a crash) is compensated anyway,
 * and a compensation may run more than once.
 * <p>
 * Arguments and results of steps with a compensation are stored (as JSON, with the
 * application's Jackson) so that the compensation can run in another process after a
 * crash; a step whose arguments cannot be stored fails on its first call with a message
 * naming the step and the type. Results are stored the same way. The compensation method
 * is found and its signature checked when the application starts.
 * <p>
 * On a type, applies to every public method; a method's own annotation wins.
 *
 * @author Resilience
 * @since 0.1.0
 * @see Saga
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface SagaStep {

	/**
	 * Name of the step in the saga log and on the endpoint, such as {@code charge}.
	 * Empty: named after the method ({@code SimpleClassName.method}).
	 * @return the step name
	 */
	String name() default "";

	/**
	 * Name of a method of the same bean that undoes this step. It takes this method's
	 * parameters, optionally followed by one parameter of this method's return type that
	 * receives the step's result ({@code null} when the step did not return, because it
	 * failed or its outcome is unknown); its own return value is ignored. A compensation
	 * that throws is retried as configured under
	 * {@code resilience.saga.compensation-retry}. Checked when the application starts.
	 * @return the compensation method name, or empty for a step that needs none, such as
	 * a read
	 */
	String compensation() default "";

}
