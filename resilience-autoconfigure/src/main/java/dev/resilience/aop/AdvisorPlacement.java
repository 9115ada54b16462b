package dev.resilience.aop;

import org.aopalliance.aop.Advice;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.Advisor;
import org.springframework.aop.Pointcut;
import org.springframework.aop.interceptor.AsyncExecutionInterceptor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.cache.interceptor.CacheInterceptor;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.OrderUtils;

/**
 * Where the resilience advisor goes among the advisors a proxy already has.
 * <p>
 * By default it goes inside the advisors that decide whether the method runs at all, or
 * where: caching (a cache hit is not a call to protect, and must not count as a breaker
 * success or be refused by an open breaker), {@code @Async} (the patterns run on the
 * thread that runs the method, so a retry sees what an asynchronous {@code void} method
 * throws), method validation and Spring Security's method authorization (a rejected
 * argument or caller says nothing about the downstream). It goes outside every other
 * advisor, transactions among them, so that each retry attempt runs in a transaction of
 * its own. With an explicit order, it goes after every advisor whose order is lower than
 * or equal to it, and before the rest.
 *
 * @author Resilience
 */
final class AdvisorPlacement {

	private static final String JCACHE_INTERCEPTOR = "org.springframework.cache.jcache.interceptor.JCacheInterceptor";

	// needs Jakarta Validation, which may be absent
	private static final String VALIDATION_INTERCEPTOR = "org.springframework.validation.beanvalidation.MethodValidationInterceptor";

	private static final String SECURITY_PACKAGE = "org.springframework.security.";

	private final @Nullable Integer order;

	AdvisorPlacement(@Nullable Integer order) {
		this.order = order;
	}

	Advisor advisor(Pointcut pointcut, Advice advice) {
		DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(pointcut, advice);
		if (this.order != null) {
			advisor.setOrder(this.order);
		}
		return advisor;
	}

	/**
	 * Return the index at which the resilience advisors go in a proxy's advisor chain.
	 * @param existing the proxy's advisors, outermost first
	 * @return the index of the first resilience advisor
	 */
	int indexIn(Advisor[] existing) {
		int index = 0;
		for (int i = 0; i < existing.length; i++) {
			if (staysOutside(existing[i])) {
				index = i + 1;
			}
		}
		return index;
	}

	private boolean staysOutside(Advisor advisor) {
		Integer order = this.order;
		if (order != null) {
			return orderOf(advisor) <= order;
		}
		Advice advice = advisor.getAdvice();
		return advice instanceof CacheInterceptor || advice instanceof AsyncExecutionInterceptor
				|| isNamed(advice.getClass(), VALIDATION_INTERCEPTOR) || isNamed(advice.getClass(), JCACHE_INTERCEPTOR)
				|| advice.getClass().getName().startsWith(SECURITY_PACKAGE);
	}

	private static int orderOf(Advisor advisor) {
		if (advisor instanceof Ordered ordered) {
			return ordered.getOrder();
		}
		return OrderUtils.getOrder(advisor.getClass(), Ordered.LOWEST_PRECEDENCE);
	}

	private static boolean isNamed(Class<?> type, String name) {
		for (Class<?> candidate = type; candidate != null; candidate = candidate.getSuperclass()) {
			if (candidate.getName().equals(name)) {
				return true;
			}
		}
		return false;
	}

}
