package dev.resilience.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Retries the annotated method when it fails with a transient error, waiting between
 * attempts as configured under {@code resilience.retry}. When attempts are exhausted the
 * last failure is rethrown with the earlier ones attached as suppressed exceptions. Every
 * attempt passes the method's circuit breaker and rate limiter again.
 * <p>
 * On a type, applies to every public method; a method's own annotation wins. Methods
 * returning {@code CompletionStage} or Reactor types wait without blocking a thread.
 *
 * @author Resilience
 * @since 0.1.0
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface Retry {

	/**
	 * Name of the instance, configured under {@code resilience.retry.instances.<name>}.
	 * Empty: the instance named after the method ({@code SimpleClassName.method}),
	 * configured from {@code resilience.retry.defaults}.
	 * @return the instance name
	 */
	String name() default "";

	/**
	 * Name of a method of the same bean to call instead when the call fails or is
	 * rejected. It takes the same parameters, optionally followed by one
	 * {@code Throwable} (or a subtype, to handle only that type; the most specific of
	 * several overloads wins), and returns a type assignable to this method's. Checked
	 * when the application starts.
	 * @return the fallback method name, or empty for none
	 */
	String fallbackMethod() default "";

}
