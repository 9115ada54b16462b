package dev.resilience.aop;

import java.lang.reflect.Method;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.util.ClassUtils;

/**
 * Runs one method's pipeline: one interception however many annotations the method
 * carries. Each annotated method has its own interceptor, matched by its own pointcut, so
 * a call goes straight to its pipeline with no lookup.
 *
 * @author Resilience
 */
final class ResilienceInterceptor implements MethodInterceptor {

	private final Stage pipeline;

	ResilienceInterceptor(Stage pipeline) {
		this.pipeline = pipeline;
	}

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		return this.pipeline.invoke((ProxyMethodInvocation) invocation);
	}

	/**
	 * Matches one method, also when a proxy sees it under another declaration: an
	 * interface's, a generic supertype's (through the bridge method the compiler wrote),
	 * or, on a proxy whose interfaces the framework implements, the declaration of a
	 * superinterface that the annotated interface narrows. Spring asks once per method
	 * and caches the answer.
	 */
	static final class MethodPointcut extends StaticMethodMatcherPointcut {

		private final Method method;

		MethodPointcut(Method method) {
			this.method = method;
		}

		@Override
		public boolean matches(Method candidate, Class<?> targetClass) {
			return candidate.equals(this.method)
					|| AopUtils.getMostSpecificMethod(candidate, targetClass).equals(this.method)
					|| isInheritedDeclaration(candidate);
		}

		private boolean isInheritedDeclaration(Method candidate) {
			Class<?> declaring = this.method.getDeclaringClass();
			if (!declaring.isInterface() || !candidate.getDeclaringClass().isAssignableFrom(declaring)
					|| !candidate.getName().equals(this.method.getName())
					|| candidate.getParameterCount() != this.method.getParameterCount()) {
				return false;
			}
			Class<?>[] types = this.method.getParameterTypes();
			Class<?>[] candidateTypes = candidate.getParameterTypes();
			for (int i = 0; i < types.length; i++) {
				if (!ClassUtils.isAssignable(candidateTypes[i], types[i])) {
					return false;
				}
			}
			return true;
		}

	}

}
