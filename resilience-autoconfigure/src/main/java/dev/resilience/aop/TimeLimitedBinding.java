package dev.resilience.aop;

import java.util.concurrent.CompletionStage;

import dev.resilience.annotation.TimeLimited;
import dev.resilience.core.CheckedFunction;
import dev.resilience.timelimiter.TimeLimiterRegistry;

import org.springframework.aop.ProxyMethodInvocation;

/**
 * Binds {@link TimeLimited @TimeLimited} to the time limiter it names. A synchronous call
 * runs the stages inside this one, and the method, on the time limiter's thread.
 *
 * @author Resilience
 * @since 0.1.0
 */
public final class TimeLimitedBinding implements PatternBinding<TimeLimited> {

	private final TimeLimiterRegistry registry;

	/**
	 * Create a binding.
	 * @param registry the time limiters
	 */
	public TimeLimitedBinding(TimeLimiterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public int order() {
		return TIME_LIMITER_ORDER;
	}

	@Override
	public Class<TimeLimited> annotationType() {
		return TimeLimited.class;
	}

	@Override
	public String fallbackMethod(TimeLimited annotation) {
		return annotation.fallbackMethod();
	}

	@Override
	public Stage wrap(AnnotatedMethod method, TimeLimited annotation, Stage next) {
		dev.resilience.timelimiter.TimeLimiter limiter = this.registry.get(method.instanceName(annotation.name()));
		return switch (method.returnKind()) {
			case SYNC -> {
				CheckedFunction<ProxyMethodInvocation, Object> inner = next::invoke;
				yield (invocation) -> limiter.execute(invocation, inner);
			}
			case COMPLETION_STAGE -> {
				CheckedFunction<ProxyMethodInvocation, CompletionStage<Object>> inner = (invocation) -> Terminals
					.invokeAsync(next, invocation);
				yield (invocation) -> limiter.executeAsync(invocation, inner);
			}
			case MONO -> ReactorLimitStages.timeLimitMono(limiter, next);
			case FLUX -> ReactorLimitStages.timeLimitFlux(limiter, next);
		};
	}

}
