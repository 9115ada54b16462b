package dev.resilience.aop;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import dev.resilience.saga.CompensationRef;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ResolvableType;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Finds the compensation method a {@code @SagaStep} names and checks its signature: the
 * step's parameters, optionally followed by one parameter that takes the step's result.
 *
 * @author Resilience
 */
final class CompensationMethods {

	private CompensationMethods() {
	}

	/**
	 * Find the compensation of a step; when overloads with and without the result
	 * parameter both exist, the one taking the result wins.
	 * @param step the step method
	 * @param name the compensation method name
	 * @return where the compensation lives
	 * @throws InvalidResilienceAnnotationException if no method of that name fits
	 */
	static CompensationRef resolve(AnnotatedMethod step, String name) {
		Class<?>[] stepTypes = step.method().getParameterTypes();
		@Nullable Class<?> resultType = resultType(step);
		List<Method> named = new ArrayList<>();
		ReflectionUtils.doWithMethods(step.userClass(), named::add, (candidate) -> candidate.getName().equals(name)
				&& !candidate.isBridge() && candidate.getDeclaringClass() != Object.class);
		Method withResult = null;
		Method withoutResult = null;
		List<String> rejected = new ArrayList<>();
		for (Method candidate : named) {
			Class<?>[] types = candidate.getParameterTypes();
			if (Arrays.equals(types, stepTypes)) {
				withoutResult = candidate;
			}
			else if (resultType != null && types.length == stepTypes.length + 1
					&& Arrays.equals(types, 0, stepTypes.length, stepTypes, 0, stepTypes.length)
					&& ClassUtils.isAssignable(types[stepTypes.length], resultType)) {
				withResult = candidate;
			}
			else {
				rejected.add(signature(candidate));
			}
		}
		Method found = (withResult != null) ? withResult : withoutResult;
		if (found == null) {
			String problem = rejected.isEmpty() ? "compensation method '" + name + "' does not exist"
					: "compensation method '" + name + "' does not fit: " + String.join("; ", rejected)
							+ " (parameters do not match)";
			String action = "Declare a method of the same bean such as " + expected(step, name, null)
					+ ((resultType != null) ? " or " + expected(step, name, resultType) : "")
					+ ", or fix the compensation attribute.";
			throw new InvalidResilienceAnnotationException(step, problem, action);
		}
		List<String> typeNames = Arrays.stream(found.getParameterTypes()).map(Class::getName).toList();
		return new CompensationRef(step.beanName(), name, typeNames);
	}

	private static @Nullable Class<?> resultType(AnnotatedMethod step) {
		Method method = step.method();
		if (step.returnKind() == ReturnKind.COMPLETION_STAGE) {
			return ResolvableType.forMethodReturnType(method, step.userClass())
				.as(java.util.concurrent.CompletionStage.class)
				.getGeneric(0)
				.toClass();
		}
		Class<?> type = method.getReturnType();
		return (type == void.class) ? null : type;
	}

	private static String signature(Method method) {
		return method.getName() + Arrays.stream(method.getParameterTypes())
			.map(Class::getSimpleName)
			.collect(Collectors.joining(", ", "(", ")"));
	}

	private static String expected(AnnotatedMethod step, String name, @Nullable Class<?> resultType) {
		List<String> parameters = new ArrayList<>();
		for (Parameter parameter : step.method().getParameters()) {
			parameters.add(parameter.getType().getSimpleName() + " " + parameter.getName());
		}
		if (resultType != null) {
			parameters.add(resultType.getSimpleName() + " result");
		}
		return "'void " + name + "(" + String.join(", ", parameters) + ")'";
	}

}
