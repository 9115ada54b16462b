package dev.resilience.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the annotated method as a saga: every {@link SagaStep @SagaStep} method called
 * while it runs is logged (started, then completed with its result), and if the method
 * throws, the steps that may have taken effect are compensated in reverse order before
 * the exception is rethrown.
 * <p>
 * <b>What is compensated.</b> When the saga method throws, each logged step whose
 * {@link SagaStep#compensation() compensation} is set is compensated, latest first, if
 * <ul>
 * <li>it completed;</li>
 * <li>it failed with an error the error classifier calls transient, such as a time-out,
 * since the call may have taken effect remotely;</li>
 * <li>it was started and never finished, because the application stopped while it
 * ran.</li>
 * </ul>
 * A step that failed with a permanent error (such as a 4xx answer or an
 * {@code IllegalArgumentException}) is known not to have taken effect and is not
 * compensated, and neither is a step that was never reached. A step that failed with an
 * {@code Error} rather than an {@code Exception} counts as not finished.
 * <p>
 * <b>Compensations must be idempotent</b> and must tolerate a step that never took
 * effect: a step whose outcome is unknown is compensated anyway, and a compensation may
 * run more than once (it is retried when it fails, and recovery after a crash may repeat
 * one that ran just before the crash).
 * <p>
 * <b>Outcome.</b> After compensating, the original exception is rethrown, with the
 * failure of a compensation that could not be completed attached as a suppressed
 * exception. A failing compensation is retried as configured under
 * {@code resilience.saga.compensation-retry} (defaults in
 * {@link dev.resilience.saga.CompensationRetryConfig#ofDefaults()}); when its attempts
 * run out, compensation stops there, leaving the earlier steps as they are, and the saga
 * is {@code FAILED}: it waits for an operator, who can see it on the
 * {@code /actuator/resilience} endpoint and retry the remaining compensations with
 * {@code POST /actuator/resilience/sagas/{id}} and the body {@code {"action":
 * "retry-compensation"}}. A saga ends in one of {@code COMPLETED}, {@code COMPENSATED} or
 * {@code FAILED}; while it runs it is {@code RUNNING}, then {@code COMPENSATING}.
 * <p>
 * <b>Durability.</b> With the JDBC store (the default when the application has a
 * {@code DataSource}) the log survives a crash: another instance, or this one after a
 * restart, takes over sagas left {@code RUNNING} or {@code COMPENSATING} once their lease
 * ({@code resilience.saga.recovery.lease}) has expired, and compensates them. Two
 * instances never compensate the same saga at once.
 * <p>
 * <b>Threads.</b> Steps called on the saga's thread belong to it, and so do steps called
 * in tasks started from it through an executor or a task wrapped by
 * {@link dev.resilience.saga.SagaContext}, such as
 * {@code CompletableFuture.supplyAsync(SagaContext.wrapSupplier(() -> payments.charge(card)))}.
 * Join such tasks before the saga method returns: a step that starts after its saga ended
 * fails, and one that finishes after it stays {@code STARTED} in the log.
 * <p>
 * A saga runs synchronously, on the calling thread: a {@code @Saga} method returning a
 * {@code CompletionStage}, {@code Mono} or {@code Flux} fails the start, and so does a
 * method that is both a {@code @Saga} and a {@link SagaStep @SagaStep}.
 * <p>
 * A {@code @Saga} method called while another saga runs opens a saga of its own, which is
 * compensated on its own when it fails; the outer saga continues afterwards.
 * <p>
 * On a type, applies to every public method; a method's own annotation wins.
 *
 * @author Resilience
 * @since 0.1.0
 * @see SagaStep
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface Saga {

	/**
	 * Name of the saga type, such as {@code place-order}: it groups executions on the
	 * endpoint and in the {@code resilience.saga.*} meters. Empty: named after the method
	 * ({@code SimpleClassName.method}).
	 * @return the saga name
	 */
	String name() default "";

}
