package dev.resilience.aop;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * A bean method that carries resilience annotations, as seen when its pipeline is built.
 *
 * @author Resilience
 * @since 0.1.0
 */
public final class AnnotatedMethod {

	private final String beanName;

	private final Class<?> userClass;

	private final Method method;

	private final ReturnKind returnKind;

	AnnotatedMethod(String beanName, Class<?> userClass, Method method, ReturnKind returnKind) {
		this.beanName = beanName;
		this.userClass = userClass;
		this.method = method;
		this.returnKind = returnKind;
	}

	/**
	 * Return the annotation of the given type that applies to this method: its own, or
	 * else its class's when the method is public and not static.
	 * @param <A> the annotation type
	 * @param type the annotation type
	 * @return the annotation, or {@code null} if none applies
	 */
	public <A extends Annotation> @Nullable A find(Class<A> type) {
		A own = AnnotatedElementUtils.findMergedAnnotation(this.method, type);
		if (own != null) {
			return own;
		}
		return isPublicInstanceMethod(this.method) ? AnnotatedElementUtils.findMergedAnnotation(this.userClass, type)
				: null;
	}

	/**
	 * Return the instance name for an annotation's {@code name}: the name itself, or the
	 * method's {@code SimpleClassName.method} when empty.
	 * @param name the annotation's name attribute
	 * @return the instance name
	 */
	public String instanceName(String name) {
		return name.isEmpty() ? this.userClass.getSimpleName() + "." + this.method.getName() : name;
	}

	public String beanName() {
		return this.beanName;
	}

	public Class<?> userClass() {
		return this.userClass;
	}

	public Method method() {
		return this.method;
	}

	public ReturnKind returnKind() {
		return this.returnKind;
	}

	/**
	 * Describe the method as {@code SimpleClassName.method(ParamType, ...)}.
	 * @return the description
	 */
	public String describe() {
		return this.userClass.getSimpleName() + "." + this.method.getName()
				+ Arrays.stream(this.method.getParameterTypes())
					.map(Class::getSimpleName)
					.collect(Collectors.joining(", ", "(", ")"));
	}

	static boolean isPublicInstanceMethod(Method method) {
		int modifiers = method.getModifiers();
		return Modifier.isPublic(modifiers) && !Modifier.isStatic(modifiers)
				&& method.getDeclaringClass() != Object.class;
	}

}
