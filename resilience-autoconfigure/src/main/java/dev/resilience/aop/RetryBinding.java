package dev.resilience.aop;

import dev.resilience.annotation.Retry;
import dev.resilience.core.CheckedFunction;
import dev.resilience.retry.RetryRegistry;

import org.springframework.aop.ProxyMethodInvocation;

/**
 * Binds {@link Retry @Retry} to the retry instance it names. Every attempt runs on a
 * fresh copy of the invocation, so that it passes the inner stages and any interceptor
 * behind this one again.
 *
 * @author Resilience
 * @since 0.1.0
 */
public final class RetryBinding implements PatternBinding<Retry> {

	private final RetryRegistry registry;

	/**
	 * Create a binding.
	 * @param registry the retry instances
	 */
	public RetryBinding(RetryRegistry registry) {
		this.registry = registry;
	}

	@Override
	public int order() {
		return RETRY_ORDER;
	}

	@Override
	public Class<Retry> annotationType() {
		return Retry.class;
	}

	@Override
	public String fallbackMethod(Retry annotation) {
		return annotation.fallbackMethod();
	}

	@Override
	public Stage wrap(AnnotatedMethod method, Retry annotation, Stage next) {
		dev.resilience.retry.Retry retry = this.registry.get(method.instanceName(annotation.name()));
		return switch (method.returnKind()) {
			case SYNC -> {
				CheckedFunction<ProxyMethodInvocation, Object> attempt = (invocation) -> next
					.invoke((ProxyMethodInvocation) invocation.invocableClone());
				yield (invocation) -> retry.execute(invocation, attempt);
			}
			case COMPLETION_STAGE -> {
				CheckedFunction<ProxyMethodInvocation, java.util.concurrent.CompletionStage<Object>> attempt = (
						invocation) -> Terminals.invokeAsync(next, (ProxyMethodInvocation) invocation.invocableClone());
				yield (invocation) -> retry.executeAsync(invocation, attempt);
			}
			case MONO -> ReactorStages.retryMono(retry, next);
			case FLUX -> ReactorStages.retryFlux(retry, next);
		};
	}

}
