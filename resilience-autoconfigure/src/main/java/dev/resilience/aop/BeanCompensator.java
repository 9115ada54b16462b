package dev.resilience.aop;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;

import dev.resilience.saga.CompensationRef;
import dev.resilience.saga.Compensator;
import dev.resilience.saga.SagaExecution;
import dev.resilience.saga.StepExecution;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.util.ReflectionUtils;

/**
 * Runs a compensation from the saga log: finds the bean by name, its method by name and
 * parameter types, decodes the step's stored arguments (and result, when the method takes
 * it) to the parameter types, and calls it. A public method is called through the bean's
 * proxy, so that its own annotations apply; another one on the target object.
 *
 * @author Resilience
 * @since 0.1.0
 */
public final class BeanCompensator implements Compensator {

	private final BeanFactory beanFactory;

	private final JacksonStepCodec codec;

	private final Map<CompensationRef, Method> methods = new ConcurrentHashMap<>();

	/**
	 * Create a compensator.
	 * @param beanFactory where the beans are found
	 * @param codec decodes the stored values
	 */
	public BeanCompensator(BeanFactory beanFactory, JacksonStepCodec codec) {
		this.beanFactory = beanFactory;
		this.codec = codec;
	}

	@Override
	public void compensate(SagaExecution saga, StepExecution step) throws Exception {
		CompensationRef ref = step.compensation();
		if (ref == null || ref.isInMemory()) {
			throw new IllegalArgumentException("Step '" + step.name() + "' of saga '" + saga.name()
					+ "' has no compensation method to run, but " + ref);
		}
		Object bean = this.beanFactory.getBean(ref.target());
		Method method = this.methods.computeIfAbsent(ref, (key) -> find(key, AopUtils.getTargetClass(bean)));
		String arguments = step.arguments();
		if (arguments == null) {
			throw new IllegalStateException(
					"Step '" + step.name() + "' of saga '" + saga.name() + "' has no stored arguments for " + ref);
		}
		Type[] types = method.getGenericParameterTypes();
		@Nullable Object[] stored = this.codec.decodeArguments(arguments, types);
		@Nullable Object[] values = Arrays.copyOf(stored, types.length);
		if (stored.length < types.length) {
			values[stored.length] = this.codec.decode(step.result(), types[stored.length]);
		}
		Object target = Modifier.isPublic(method.getModifiers()) ? bean : ultimateTarget(bean);
		try {
			method.invoke(target, values);
		}
		catch (InvocationTargetException ex) {
			Throwable cause = ex.getTargetException();
			if (cause instanceof Exception exception) {
				throw exception;
			}
			throw (Error) cause;
		}
	}

	private static Method find(CompensationRef ref, Class<?> targetClass) {
		Method[] found = new Method[1];
		ReflectionUtils.doWithMethods(targetClass, (candidate) -> found[0] = candidate,
				(candidate) -> candidate.getName().equals(ref.method()) && !candidate.isBridge()
						&& Arrays.stream(candidate.getParameterTypes())
							.map(Class::getName)
							.toList()
							.equals(ref.parameterTypes()));
		if (found[0] == null) {
			throw new NoSuchElementException(
					"No method " + ref + " on bean '" + ref.target() + "' of type " + targetClass.getName());
		}
		ReflectionUtils.makeAccessible(found[0]);
		return found[0];
	}

	private static Object ultimateTarget(Object bean) {
		Object target = bean;
		Object next = AopProxyUtils.getSingletonTarget(target);
		while (next != null) {
			target = next;
			next = AopProxyUtils.getSingletonTarget(target);
		}
		return target;
	}

}
