package dev.resilience.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Limits how many calls of the annotated method run at once, as configured under
 * {@code resilience.bulkhead}; callers beyond the limit queue, first come first served,
 * for at most {@code max-wait-duration}, then get {@code BulkheadFullException}. A method
 * returning {@code CompletionStage} or a Reactor type holds its slot until its result
 * completes, and its callers queue without blocking a thread.
 * <p>
 * On a type, applies to every public method; a method's own annotation wins.
 *
 * @author Resilience
 * @since 0.1.0
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface Bulkhead {

	/**
	 * Name of the instance, configured under
	 * {@code resilience.bulkhead.instances.<name>}. Empty: the instance named after the
	 * method ({@code SimpleClassName.method}), configured from
	 * {@code resilience.bulkhead.defaults}.
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
