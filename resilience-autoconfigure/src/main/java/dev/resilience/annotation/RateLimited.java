package dev.resilience.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Limits how often the annotated method may be called, as configured under
 * {@code resilience.rate-limiter}; a call beyond the limit waits for at most
 * {@code timeout}, then gets {@code RateLimitExceededException} carrying when to try
 * again. Asynchronous and reactive callers never block a thread while they wait.
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
public @interface RateLimited {

	/**
	 * Name of the instance, configured under
	 * {@code resilience.rate-limiter.instances.<name>}. Empty: the instance named after
	 * the method ({@code SimpleClassName.method}), configured from
	 * {@code resilience.rate-limiter.defaults}.
	 * @return the instance name
	 */
	String name() default "";

	/**
	 * SpEL expression over the method's parameters that picks the bucket, such as
	 * {@code #userId} or {@code #request.tenant()}. Empty: one bucket for the instance.
	 * Checked when the application starts; an instance name must always be used with the
	 * same key expression.
	 * @return the key expression
	 */
	String key() default "";

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
