package dev.resilience.saga;

import java.util.List;
import java.util.Objects;

/**
 * Where a step's compensation lives, stored with the step so that any process can find it
 * after a crash: for an annotated step, the bean, the compensation method and its
 * parameter types. A {@link Compensator} turns it back into a call.
 *
 * @param target what holds the compensation, such as a bean name; empty for a
 * compensation held in memory
 * @param method the name of the compensation method
 * @param parameterTypes the fully qualified names of the method's parameter types, in
 * order
 * @author Resilience
 * @since 0.1.0
 */
public record CompensationRef(String target, String method, List<String> parameterTypes) {

	private static final CompensationRef IN_MEMORY = new CompensationRef("", "", List.of());

	/**
	 * Create a reference, checking its values.
	 * @param target what holds the compensation
	 * @param method the name of the compensation method
	 * @param parameterTypes the names of the method's parameter types
	 */
	public CompensationRef {
		Objects.requireNonNull(target, "target must not be null");
		Objects.requireNonNull(method, "method must not be null");
		parameterTypes = List.copyOf(parameterTypes);
		if (target.isEmpty() != method.isEmpty()) {
			throw new IllegalArgumentException("target and method must both be set or both be empty, but were '"
					+ target + "' and '" + method + "'");
		}
	}

	/**
	 * Return the reference of a compensation held in memory by the process that runs the
	 * saga, such as a lambda given to {@link SagaTemplate}. It cannot be run after that
	 * process stopped.
	 * @return the in-memory reference
	 */
	public static CompensationRef inMemory() {
		return IN_MEMORY;
	}

	/**
	 * Whether the compensation is held in memory and lost when the process stops.
	 * @return {@code true} for {@link #inMemory()}
	 */
	public boolean isInMemory() {
		return this.target.isEmpty();
	}

	@Override
	public String toString() {
		return isInMemory() ? "in-memory compensation"
				: this.target + "." + this.method + "(" + String.join(", ", this.parameterTypes) + ")";
	}

}
