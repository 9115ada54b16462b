package dev.resilience.aop;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import dev.resilience.core.internal.Failures;
import dev.resilience.core.internal.SimilarNames;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * The fallback methods of one annotated method: every overload of the named method that
 * fits, most specific {@code Throwable} parameter first.
 *
 * @author Resilience
 */
final class FallbackMethods {

	private final Candidate[] candidates;

	private FallbackMethods(List<Candidate> candidates) {
		this.candidates = candidates.toArray(new Candidate[0]);
	}

	/**
	 * Find the fallback methods of the given name for an annotated method.
	 * @param method the annotated method
	 * @param name the fallback method name
	 * @return its fallback methods
	 * @throws InvalidResilienceAnnotationException if no method of that name fits
	 */
	static FallbackMethods resolve(AnnotatedMethod method, String name) {
		Method target = method.method();
		List<Method> named = new ArrayList<>();
		ReflectionUtils.doWithMethods(method.userClass(), named::add,
				(candidate) -> candidate.getName().equals(name) && !candidate.isBridge());
		List<Candidate> candidates = new ArrayList<>();
		List<String> rejected = new ArrayList<>();
		for (Method candidate : named) {
			Class<? extends Throwable> errorType = errorParameter(target, candidate);
			if (errorType == null && !Arrays.equals(candidate.getParameterTypes(), target.getParameterTypes())) {
				rejected.add(signature(candidate) + " (parameters do not match)");
			}
			else if (!ClassUtils.isAssignable(target.getReturnType(), candidate.getReturnType())) {
				rejected.add(signature(candidate) + " (return type is not assignable to "
						+ target.getReturnType().getSimpleName() + ")");
			}
			else if (candidates.stream().noneMatch((existing) -> existing.sameSignature(candidate))) {
				ReflectionUtils.makeAccessible(candidate);
				candidates.add(new Candidate(candidate, errorType));
			}
		}
		if (candidates.isEmpty()) {
			String problem = rejected.isEmpty() ? "fallback method '" + name + "' does not exist"
					: "fallback method '" + name + "' does not fit: " + String.join("; ", rejected);
			String suggestion = rejected.isEmpty() ? SimilarNames.didYouMean(name, methodNames(method.userClass()))
					: "";
			throw new InvalidResilienceAnnotationException(method, problem + suggestion,
					"Declare a method of the same bean such as " + expected(target, name, false) + " or "
							+ expected(target, name, true)
							+ " (a subtype of Throwable handles only that type), or fix the fallbackMethod attribute.");
		}
		candidates.sort(Comparator.comparingInt(Candidate::specificity).reversed());
		return new FallbackMethods(candidates);
	}

	private static List<String> methodNames(Class<?> type) {
		List<String> names = new ArrayList<>();
		ReflectionUtils.doWithMethods(type, (candidate) -> names.add(candidate.getName()),
				ReflectionUtils.USER_DECLARED_METHODS);
		return names;
	}

	private static @Nullable Class<? extends Throwable> errorParameter(Method target, Method candidate) {
		Class<?>[] targetTypes = target.getParameterTypes();
		Class<?>[] types = candidate.getParameterTypes();
		if (types.length != targetTypes.length + 1 || !Throwable.class.isAssignableFrom(types[targetTypes.length])) {
			return null;
		}
		if (!Arrays.equals(types, 0, targetTypes.length, targetTypes, 0, targetTypes.length)) {
			return null;
		}
		return types[targetTypes.length].asSubclass(Throwable.class);
	}

	/**
	 * Whether a fallback handles the given failure.
	 * @param failure the failure, unwrapped
	 * @return the candidate that handles it, or {@code null}
	 */
	@Nullable Candidate find(Throwable failure) {
		for (Candidate candidate : this.candidates) {
			if (candidate.errorType == null || candidate.errorType.isInstance(failure)) {
				return candidate;
			}
		}
		return null;
	}

	/**
	 * Answer a failure with the fallback that handles it, or rethrow it.
	 * @param invocation the invocation that failed
	 * @param failure what it threw
	 * @return the fallback's result
	 * @throws Throwable the failure when no fallback handles it, or what the fallback
	 * throws
	 */
	Object handle(ProxyMethodInvocation invocation, Throwable failure) throws Throwable {
		Throwable cause = Failures.unwrap(failure);
		Candidate candidate = find(cause);
		if (candidate == null) {
			throw failure;
		}
		return candidate.invoke(invocation, cause);
	}

	private static String signature(Method method) {
		return method.getReturnType().getSimpleName() + " " + method.getName()
				+ Arrays.stream(method.getParameterTypes())
					.map(Class::getSimpleName)
					.collect(Collectors.joining(", ", "(", ")"));
	}

	private static String expected(Method target, String name, boolean withThrowable) {
		List<String> parameters = new ArrayList<>();
		for (Parameter parameter : target.getParameters()) {
			parameters.add(parameter.getType().getSimpleName() + " " + parameter.getName());
		}
		if (withThrowable) {
			parameters.add("Throwable cause");
		}
		return "'" + target.getReturnType().getSimpleName() + " " + name + "(" + String.join(", ", parameters) + ")'";
	}

	/**
	 * One fallback overload.
	 */
	static final class Candidate {

		private final Method method;

		private final @Nullable Class<? extends Throwable> errorType;

		Candidate(Method method, @Nullable Class<? extends Throwable> errorType) {
			this.method = method;
			this.errorType = errorType;
		}

		int specificity() {
			int depth = 0;
			for (Class<?> type = this.errorType; type != null; type = type.getSuperclass()) {
				depth++;
			}
			return depth;
		}

		boolean sameSignature(Method other) {
			return Arrays.equals(this.method.getParameterTypes(), other.getParameterTypes());
		}

		Object invoke(ProxyMethodInvocation invocation, Throwable cause) throws Throwable {
			Object[] arguments = invocation.getArguments();
			if (this.errorType != null) {
				arguments = Arrays.copyOf(arguments, arguments.length + 1);
				arguments[arguments.length - 1] = cause;
			}
			// a default method of an interface the framework implements lives on the
			// proxy
			Object target = invocation.getThis();
			Object bean = this.method.getDeclaringClass().isInstance(target) ? target : invocation.getProxy();
			try {
				return this.method.invoke(bean, arguments);
			}
			catch (InvocationTargetException ex) {
				throw ex.getTargetException();
			}
		}

	}

}
