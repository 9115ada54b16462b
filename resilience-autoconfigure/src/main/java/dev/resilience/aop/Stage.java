package dev.resilience.aop;

import org.jspecify.annotations.Nullable;

import org.springframework.aop.ProxyMethodInvocation;

/**
 * One link of a method's pipeline: a pattern that guards the links inside it. What it
 * returns is what the method returns: a plain value, a {@code CompletableFuture}, or a
 * Reactor publisher, according to the method's {@link ReturnKind}.
 *
 * @author Resilience
 * @since 0.1.0
 */
@FunctionalInterface
public interface Stage {

	/**
	 * Run this link and the ones inside it.
	 * @param invocation the intercepted invocation, positioned at the resilience
	 * interceptor
	 * @return the method's result, {@code null} for a {@code void} method or a method
	 * that returned {@code null}
	 * @throws Throwable what a synchronous method throws
	 */
	@Nullable Object invoke(ProxyMethodInvocation invocation) throws Throwable;

}
