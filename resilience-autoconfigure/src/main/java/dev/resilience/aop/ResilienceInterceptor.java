package dev.resilience.aop;

import java.lang.reflect.Method;
import java.util.Map;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.util.ClassUtils;

/**
 * Runs the pipeline of the intercepted method: one interception however many annotations
 * the method carries.
 *
 * @author Resilience
 */
final class ResilienceInterceptor implements MethodInterceptor {

	private final Map<Method, Stage> pipelines;

	ResilienceInterceptor(Map<Method, Stage> pipelines) {
		this.pipelines = pipelines;
	}

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		Stage pipeline = this.pipelines.get(invocation.getMethod());
		return (pipeline != null) ? pipeline.invoke((ProxyMethodInvocation) invocation) : invocation.proceed();
	}

	/**
	 * Matches the methods that have a pipeline. Spring asks once per method and caches
	 * the answer; a method seen under another declaration (an interface's, say) is mapped
	 * to its implementation's pipeline then, not on a call.
	 */
	final class Pointcut extends StaticMethodMatcherPointcut {

		@Override
		public boolean matches(Method method, Class<?> targetClass) {
			if (ResilienceInterceptor.this.pipelines.containsKey(method)) {
				return true;
			}
			Stage pipeline = ResilienceInterceptor.this.pipelines
				.get(ClassUtils.getMostSpecificMethod(method, targetClass));
			if (pipeline != null) {
				ResilienceInterceptor.this.pipelines.putIfAbsent(method, pipeline);
				return true;
			}
			return false;
		}

	}

}
