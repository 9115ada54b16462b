package dev.resilience.core;

import org.jspecify.annotations.Nullable;

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
	 * @return the result, {@code null} for a call that returns nothing
	 * @throws Throwable whatever the call throws
	 */
	@Nullable R apply(C context) throws Throwable;

}
