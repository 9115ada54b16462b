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
 * <p>
 * Spring's own fields are held in static final constants as well, and read through them
 * on the hot path: the JIT folds a constant {@code VarHandle} into a plain field access,
 * while one read from an instance field goes through the generic invocation path at
 * several times the cost.
 *
 * @author Resilience
 */
final class ChainPosition {

	private static final @Nullable VarHandle SPRING_INDEX;

	private static final @Nullable VarHandle SPRING_CHAIN;

	private static final @Nullable ReflectiveOperationException UNREACHABLE;

	static {
		VarHandle index = null;
		VarHandle chain = null;
		ReflectiveOperationException failure = null;
		try {
			MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(ReflectiveMethodInvocation.class,
					MethodHandles.lookup());
			index = lookup.findVarHandle(ReflectiveMethodInvocation.class, "currentInterceptorIndex", int.class);
			chain = lookup.findVarHandle(ReflectiveMethodInvocation.class, "interceptorsAndDynamicMethodMatchers",
					List.class);
		}
		catch (ReflectiveOperationException ex) {
			failure = ex;
		}
		catch (RuntimeException ex) {
			failure = new ReflectiveOperationException(ex.getMessage(), ex);
		}
		SPRING_INDEX = index;
		SPRING_CHAIN = chain;
		UNREACHABLE = failure;
	}

	private final boolean spring;

	private final VarHandle index;

	private final VarHandle chain;

	private final @Nullable Class<?> type;

	private final @Nullable Class<?> otherType;

	private ChainPosition(boolean spring, VarHandle index, VarHandle chain, @Nullable Class<?> type,
			@Nullable Class<?> otherType) {
		this.spring = spring;
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
		VarHandle index = SPRING_INDEX;
		VarHandle chain = SPRING_CHAIN;
		if (index == null || chain == null) {
			throw (UNREACHABLE != null) ? UNREACHABLE
					: new ReflectiveOperationException("Spring's invocation fields are out of reach");
		}
		return new ChainPosition(true, index, chain, null, null);
	}

	/**
	 * Use the given fields, for no invocation type yet.
	 * @param index the field of the index of the current chain element, an {@code int}
	 * @param chain the field of the chain, a {@code List}
	 * @return the accessor
	 */
	static ChainPosition of(VarHandle index, VarHandle chain) {
		return new ChainPosition(false, index, chain, null, null);
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
			return new ChainPosition(this.spring, this.index, this.chain, invocationType, this.otherType);
		}
		return new ChainPosition(this.spring, this.index, this.chain, this.type, invocationType);
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
		VarHandle constant = SPRING_CHAIN;
		if (this.spring && constant != null) {
			return (List<?>) constant.get(invocation);
		}
		return (List<?>) this.chain.get(invocation);
	}

	/**
	 * Return the index of the chain element that runs, or has run last.
	 * @param invocation an invocation this accessor {@link #handles}
	 * @return the index, {@code -1} before the first element runs
	 */
	int index(ProxyMethodInvocation invocation) {
		VarHandle constant = SPRING_INDEX;
		if (this.spring && constant != null) {
			return (int) constant.get(invocation);
		}
		return (int) this.index.get(invocation);
	}

	void moveTo(ProxyMethodInvocation invocation, int index) {
		VarHandle constant = SPRING_INDEX;
		if (this.spring && constant != null) {
			constant.set(invocation, index);
			return;
		}
		this.index.set(invocation, index);
	}

}
