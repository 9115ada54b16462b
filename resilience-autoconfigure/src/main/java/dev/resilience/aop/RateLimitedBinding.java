package dev.resilience.aop;

import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import dev.resilience.annotation.RateLimited;
import dev.resilience.core.CheckedFunction;
import dev.resilience.ratelimiter.RateLimiter;
import dev.resilience.ratelimiter.RateLimiterRegistry;

import org.springframework.aop.ProxyMethodInvocation;

/**
 * Binds {@link RateLimited @RateLimited} to the rate limiter it names, with the bucket
 * picked by its key expression. An instance is one set of buckets, so every method that
 * names it must use the same key expression; a mismatch fails the start.
 *
 * @author Resilience
 * @since 0.1.0
 */
public final class RateLimitedBinding implements PatternBinding<RateLimited> {

	private final RateLimiterRegistry registry;

	private final Map<String, KeyUse> keysByInstance = new ConcurrentHashMap<>();

	/**
	 * Create a binding.
	 * @param registry the rate limiters
	 */
	public RateLimitedBinding(RateLimiterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public int order() {
		return RATE_LIMITER_ORDER;
	}

	@Override
	public Class<RateLimited> annotationType() {
		return RateLimited.class;
	}

	@Override
	public String fallbackMethod(RateLimited annotation) {
		return annotation.fallbackMethod();
	}

	@Override
	public Stage wrap(AnnotatedMethod method, RateLimited annotation, Stage next) {
		String name = method.instanceName(annotation.name());
		checkSameKey(method, name, annotation.key());
		RateLimitKey key = RateLimitKey.of(method, annotation.key());
		RateLimiter limiter = this.registry.get(name);
		return switch (method.returnKind()) {
			case SYNC -> {
				CheckedFunction<ProxyMethodInvocation, Object> inner = next::invoke;
				yield (invocation) -> limiter.execute(key.of(invocation), invocation, inner);
			}
			case COMPLETION_STAGE -> {
				CheckedFunction<ProxyMethodInvocation, CompletionStage<Object>> inner = (invocation) -> Terminals
					.invokeAsync(next, invocation);
				yield (invocation) -> limiter.executeAsync(key.of(invocation), invocation, inner);
			}
			case MONO -> ReactorLimitStages.rateLimitMono(limiter, key, next);
			case FLUX -> ReactorLimitStages.rateLimitFlux(limiter, key, next);
		};
	}

	private void checkSameKey(AnnotatedMethod method, String name, String expression) {
		KeyUse first = this.keysByInstance.putIfAbsent(name, new KeyUse(method.describe(), expression));
		if (first != null && !first.expression().equals(expression)) {
			throw new InvalidResilienceAnnotationException(method,
					"rate limiter '" + name + "' is used with key '" + expression + "' here but with key '"
							+ first.expression() + "' on " + first.method(),
					"Use the same key expression wherever the instance is named, or give one of the methods its own instance name.");
		}
	}

	private record KeyUse(String method, String expression) {
	}

}
