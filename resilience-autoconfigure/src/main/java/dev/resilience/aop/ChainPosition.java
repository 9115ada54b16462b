package dev.resilience.aop;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.framework.ReflectiveMethodInvocation;

/**
 * Reads and moves an invocation's position in its interceptor chain, which Spring keeps
 * in private fields of {@link ReflectiveMethodInvocation}. It handles only the invocation
 * types it was given, those that {@link RewindCheck} has seen rewound correctly: a
 * subclass could keep its position elsewhere.
 *
 * @author Resilience
 */
final class ChainPosition {

	private final VarHandle index;

	private final VarHandle chain;

	private final @Nullable Class<?> type;

	private final @Nullable Class<?> otherType;

	private ChainPosition(VarHandle index, VarHandle chain, @Nullable Class<?> type, @Nullable Class<?> otherType) {
		this.index = index;
		this.chain = chain;
		this.type = type;
		this.otherType = otherType;
	}

	/**
	 * Reach Spring's fields, for no invocation type yet.
	 * @return the accessor
	 * @throws ReflectiveOperationException if a field is missing or out of reach
	 */
	static ChainPosition lookUp() throws ReflectiveOperationException {
		MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(ReflectiveMethodInvocation.class,
				MethodHandles.lookup());
		return of(lookup.findVarHandle(ReflectiveMethodInvocation.class, "currentInterceptorIndex", int.class), lookup
			.findVarHandle(ReflectiveMethodInvocation.class, "interceptorsAndDynamicMethodMatchers", List.class));
	}

	/**
	 * Use the given fields, for no invocation type yet.
	 * @param index the field of the index of the current chain element, an {@code int}
	 * @param chain the field of the chain, a {@code List}
	 * @return the accessor
	 */
	static ChainPosition of(VarHandle index, VarHandle chain) {
		return new ChainPosition(index, chain, null, null);
	}

	/**
	 * Return an accessor that also handles the given invocation type; it handles two at
	 * most, those of JDK and of CGLIB proxies.
	 * @param invocationType a subtype of {@link ReflectiveMethodInvocation}
	 * @return the accessor
	 */
	ChainPosition including(Class<?> invocationType) {
		if (!ReflectiveMethodInvocation.class.isAssignableFrom(invocationType)) {
			throw new IllegalArgumentException(invocationType.getName() + " is not a ReflectiveMethodInvocation");
		}
		if (this.type == null || this.type == invocationType) {
			return new ChainPosition(this.index, this.chain, invocationType, this.otherType);
		}
		return new ChainPosition(this.index, this.chain, this.type, invocationType);
	}

	boolean handles(ProxyMethodInvocation invocation) {
		Class<?> type = invocation.getClass();
		return type == this.type || type == this.otherType;
	}

	/**
	 * Return the invocation's interceptors, and matchers that wrap an interceptor.
	 * @param invocation an invocation this accessor {@link #handles}
	 * @return the chain
	 */
	List<?> chain(ProxyMethodInvocation invocation) {
		return (List<?>) this.chain.get(invocation);
	}

	/**
	 * Return the index of the chain element that runs, or has run last.
	 * @param invocation an invocation this accessor {@link #handles}
	 * @return the index, {@code -1} before the first element runs
	 */
	int index(ProxyMethodInvocation invocation) {
		return (int) this.index.get(invocation);
	}

	void moveTo(ProxyMethodInvocation invocation, int index) {
		this.index.set(invocation, index);
	}

}
