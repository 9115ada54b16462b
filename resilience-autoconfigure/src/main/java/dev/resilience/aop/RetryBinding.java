package dev.resilience.aop;

import java.util.concurrent.CompletionStage;

import dev.resilience.annotation.Retry;
import dev.resilience.core.CheckedFunction;
import dev.resilience.retry.RetryRegistry;

import org.springframework.aop.ProxyMethodInvocation;

/**
 * Binds {@link Retry @Retry} to the retry instance it names. Every attempt passes the
 * inner stages and any interceptor behind this one again (a transaction, say).
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
				InvocationRewinder rewinder = InvocationRewinder.create();
				CheckedFunction<ProxyMethodInvocation, Object> attempt = (invocation) -> next
					.invoke(rewinder.forAttempt(invocation));
				yield (invocation) -> retry.execute(invocation, attempt);
			}
			case COMPLETION_STAGE -> {
				InvocationRewinder rewinder = InvocationRewinder.create();
				CheckedFunction<ProxyMethodInvocation, CompletionStage<Object>> attempt = (invocation) -> Terminals
					.invokeAsync(next, rewinder.forAttempt(invocation));
				yield (invocation) -> retry.executeAsync(invocation, attempt);
			}
			// A reactive attempt calls the method on a copy of the invocation when
			// subscribed
			case MONO -> ReactorStages.retryMono(retry, next);
			case FLUX -> ReactorStages.retryFlux(retry, next);
		};
	}

}
