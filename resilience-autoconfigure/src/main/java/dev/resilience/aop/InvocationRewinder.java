package dev.resilience.aop;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;

import org.aopalliance.intercept.MethodInterceptor;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.framework.ReflectiveMethodInvocation;

/**
 * Lets a retry run the rest of the interceptor chain again without copying the invocation
 * on every call. Spring's own invocation keeps its position in the chain in a private
 * field; before a second attempt this moves it back to the resilience interceptor, so the
 * first attempt, the common one, costs nothing extra. Where that field cannot be reached
 * (another invocation type, a restrictive module setup), each attempt runs on a copy made
 * with {@code invocableClone()} instead.
 *
 * @author Resilience
 */
final class InvocationRewinder {

	private static final @Nullable VarHandle INDEX = findIndex();

	private static final @Nullable VarHandle CHAIN = findChain();

	private volatile @Nullable MethodInterceptor interceptor;

	void attach(MethodInterceptor interceptor) {
		this.interceptor = interceptor;
	}

	/**
	 * Whether this invocation can be rewound; otherwise every attempt needs a copy made
	 * before the first one runs.
	 * @param invocation the intercepted invocation
	 * @return {@code true} if {@link #rewind} works on it
	 */
	boolean canRewind(ProxyMethodInvocation invocation) {
		return INDEX != null && CHAIN != null && invocation instanceof ReflectiveMethodInvocation;
	}

	/**
	 * Position the invocation at the resilience interceptor again, so that
	 * {@code proceed()} runs every interceptor behind it and the method once more. A
	 * no-op on the first attempt, where it is already there.
	 * @param invocation an invocation for which {@link #canRewind} holds
	 * @return the invocation
	 */
	ProxyMethodInvocation rewind(ProxyMethodInvocation invocation) {
		VarHandle index = INDEX;
		VarHandle chain = CHAIN;
		if (index == null || chain == null) {
			throw new IllegalStateException("Invocation cannot be rewound");
		}
		List<?> interceptors = (List<?>) chain.get(invocation);
		int current = (int) index.get(invocation);
		MethodInterceptor self = this.interceptor;
		if (current >= 0 && current < interceptors.size() && interceptors.get(current) == self) {
			return invocation;
		}
		for (int i = 0; i < interceptors.size(); i++) {
			if (interceptors.get(i) == self) {
				index.set(invocation, i);
				return invocation;
			}
		}
		throw new IllegalStateException("Resilience interceptor not found in the invocation's chain");
	}

	private static @Nullable VarHandle findIndex() {
		return find("currentInterceptorIndex", int.class);
	}

	private static @Nullable VarHandle findChain() {
		return find("interceptorsAndDynamicMethodMatchers", List.class);
	}

	private static @Nullable VarHandle find(String name, Class<?> type) {
		try {
			return MethodHandles.privateLookupIn(ReflectiveMethodInvocation.class, MethodHandles.lookup())
				.findVarHandle(ReflectiveMethodInvocation.class, name, type);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return null;
		}
	}

}
