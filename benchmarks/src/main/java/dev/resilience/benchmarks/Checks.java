package dev.resilience.benchmarks;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.aopalliance.aop.Advice;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.Advisor;
import org.springframework.aop.Pointcut;
import org.springframework.aop.PointcutAdvisor;
import org.springframework.aop.aspectj.AbstractAspectJAdvice;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.support.AopUtils;

/**
 * Set-up checks that stop a run measuring something other than what its name says: a bean
 * that is not proxied, an annotation that no advice applies, a pattern that does not
 * count the call, a setting that did not take.
 *
 * @author Resilience
 * @since 0.1.0
 */
public final class Checks {

	private Checks() {
	}

	/**
	 * Check that a bean is an AOP proxy whose advice for a method includes the named
	 * interceptors or aspects.
	 * @param bean the bean, as the context hands it out
	 * @param methodName the name of one of its public methods
	 * @param adviceNames simple class names of the advice (an interceptor's class, or an
	 * aspect's class for AspectJ advice) that must apply to the method
	 * @throws IllegalStateException if one does not
	 */
	public static void advised(Object bean, String methodName, String... adviceNames) {
		if (!AopUtils.isAopProxy(bean) || !(bean instanceof Advised advised)) {
			throw new IllegalStateException(bean.getClass().getName() + " is not an AOP proxy");
		}
		Class<?> targetClass = AopUtils.getTargetClass(bean);
		Method method = Arrays.stream(targetClass.getMethods())
			.filter((candidate) -> candidate.getName().equals(methodName))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No method " + methodName + " on " + targetClass.getName()));
		List<String> applied = new ArrayList<>();
		for (Advisor advisor : advised.getAdvisors()) {
			if (advisor instanceof PointcutAdvisor pointcutAdvisor
					&& matches(pointcutAdvisor.getPointcut(), method, targetClass)) {
				applied.add(name(advisor.getAdvice()));
			}
		}
		for (String adviceName : adviceNames) {
			if (!applied.contains(adviceName)) {
				throw new IllegalStateException(
						adviceName + " does not advise " + method + "; its advice is " + applied);
			}
		}
	}

	private static boolean matches(Pointcut pointcut, Method method, Class<?> targetClass) {
		return pointcut.getClassFilter().matches(targetClass)
				&& pointcut.getMethodMatcher().matches(method, targetClass);
	}

	private static String name(Advice advice) {
		if (advice instanceof AbstractAspectJAdvice aspectJ) {
			return aspectJ.getAspectJAdviceMethod().getDeclaringClass().getSimpleName();
		}
		return advice.getClass().getSimpleName();
	}

	/**
	 * Make a call and check that every counter grew and that the call returned what it
	 * was given.
	 * @param what what the call is meant to exercise, for the error message
	 * @param expected the value the call must return
	 * @param call the call
	 * @param counters counters that the call must increase
	 * @throws IllegalStateException if one did not grow or the result differs
	 */
	public static void grows(String what, Object expected, Supplier<@Nullable Object> call, LongSupplier... counters) {
		long[] before = new long[counters.length];
		for (int i = 0; i < counters.length; i++) {
			before[i] = counters[i].getAsLong();
		}
		Object result = call.get();
		if (!Objects.equals(expected, result)) {
			throw new IllegalStateException(what + " returned " + result + " instead of " + expected);
		}
		for (int i = 0; i < counters.length; i++) {
			long after = counters[i].getAsLong();
			if (after <= before[i]) {
				throw new IllegalStateException(
						what + " was not counted: counter " + (i + 1) + " went from " + before[i] + " to " + after);
			}
		}
	}

	/**
	 * Like {@link #grows}, but tries the call again, up to {@code tries} times in all,
	 * for counters that may also fall between two readings, such as the permits left in a
	 * rate limiter's current period.
	 * @param tries how many calls to try at most
	 * @param what what the call is meant to exercise, for the error message
	 * @param expected the value the call must return
	 * @param call the call
	 * @param counters counters that the call must increase
	 * @throws IllegalStateException if no call made them all grow
	 */
	public static void growsInOneOf(int tries, String what, Object expected, Supplier<@Nullable Object> call,
			LongSupplier... counters) {
		for (int i = 1;; i++) {
			try {
				grows(what, expected, call, counters);
				return;
			}
			catch (IllegalStateException ex) {
				if (i >= tries) {
					throw ex;
				}
			}
		}
	}

	/**
	 * Check a value, typically a setting that must be equal across libraries.
	 * @param what what the value is, for the error message
	 * @param expected the expected value
	 * @param actual the actual value
	 * @throws IllegalStateException if they differ
	 */
	public static void equal(String what, Object expected, @Nullable Object actual) {
		if (!Objects.equals(expected, actual)) {
			throw new IllegalStateException(what + " is " + actual + ", expected " + expected);
		}
	}

}
