package dev.resilience.core;

/**
 * A call that an engine guards: it takes a context and may throw anything. Passing the
 * context separately lets callers keep one non-capturing function per method instead of
 * allocating a lambda per call.
 *
 * @param <C> the context type
 * @param <R> the result type
 * @author Resilience
 * @since 0.1.0
 */
@FunctionalInterface
public interface CheckedFunction<C, R> {

	/**
	 * Run the call.
	 * @param context the context of this call
	 * @return the result
	 * @throws Throwable whatever the call throws
	 */
	R apply(C context) throws Throwable;

}
