package dev.resilience.core;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A list of exception types that a failure may match, itself or through a supertype.
 *
 * @author Resilience
 * @since 0.1.0
 */
public final class ExceptionTypes {

	private static final ExceptionTypes NONE = new ExceptionTypes(List.of());

	private final Class<? extends Throwable>[] types;

	private final List<Class<? extends Throwable>> list;

	@SuppressWarnings("unchecked")
	private ExceptionTypes(List<Class<? extends Throwable>> types) {
		this.list = List.copyOf(types);
		this.types = this.list.toArray(new Class[0]);
	}

	/**
	 * Return a list of the given types.
	 * @param types the types
	 * @return the exception types
	 */
	public static ExceptionTypes of(List<Class<? extends Throwable>> types) {
		return types.isEmpty() ? NONE : new ExceptionTypes(types);
	}

	/**
	 * Return the empty list.
	 * @return no exception types
	 */
	public static ExceptionTypes none() {
		return NONE;
	}

	/**
	 * Whether the failure is an instance of one of the types.
	 * @param failure the failure
	 * @return {@code true} if it matches
	 */
	public boolean matches(Throwable failure) {
		for (Class<? extends Throwable> type : this.types) {
			if (type.isInstance(failure)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the list is empty.
	 * @return {@code true} if no type is listed
	 */
	public boolean isEmpty() {
		return this.types.length == 0;
	}

	/**
	 * Return the listed types.
	 * @return the types, in the order given
	 */
	public List<Class<? extends Throwable>> types() {
		return this.list;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (other instanceof ExceptionTypes that) && this.list.equals(that.list);
	}

	@Override
	public int hashCode() {
		return this.list.hashCode();
	}

	@Override
	public String toString() {
		return this.list.stream().map(Class::getName).toList().toString();
	}

}
