package dev.resilience.aop;

import java.lang.reflect.Method;

/**
 * Thrown at start-up when a resilience annotation refers to something that does not exist
 * or does not fit, such as a missing or ill-typed fallback method.
 *
 * @author Resilience
 * @since 0.1.0
 */
public class InvalidResilienceAnnotationException extends RuntimeException {

	private final String beanName;

	private final transient Method method;

	private final String action;

	/**
	 * Create an exception.
	 * @param method the annotated method
	 * @param problem what is wrong, as a sentence
	 * @param action how to fix it, as a sentence
	 */
	public InvalidResilienceAnnotationException(AnnotatedMethod method, String problem, String action) {
		super("Method " + method.describe() + " of bean '" + method.beanName() + "': " + problem);
		this.beanName = method.beanName();
		this.method = method.method();
		this.action = action;
	}

	public String getBeanName() {
		return this.beanName;
	}

	public Method getMethod() {
		return this.method;
	}

	/**
	 * Return how to fix the problem.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
