package dev.resilience.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Bounds how long a call of the annotated method may take, as configured under
 * {@code resilience.time-limiter}; a call past its {@code timeout} fails with
 * {@code TimeLimitExceededException}. A synchronous method runs on another thread (a
 * virtual thread where the JDK has them), interrupted at the timeout when
 * {@code cancel-running}; the caller's logging context travels with it. Asynchronous and
 * reactive methods get a timeout without an extra thread.
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
public @interface TimeLimited {

	/**
	 * Name of the instance, configured under
	 * {@code resilience.time-limiter.instances.<name>}. Empty: the instance named after
	 * the method ({@code SimpleClassName.method}), configured from
	 * {@code resilience.time-limiter.defaults}.
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
