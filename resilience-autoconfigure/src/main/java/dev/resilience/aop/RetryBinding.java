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
		InvocationRewinder rewinder = method.rewinder();
		return switch (method.returnKind()) {
			case SYNC -> {
				CheckedFunction<ProxyMethodInvocation, Object> rewound = (invocation) -> next
					.invoke(rewinder.rewind(invocation));
				CheckedFunction<ProxyMethodInvocation, Object> copied = (invocation) -> next
					.invoke((ProxyMethodInvocation) invocation.invocableClone());
				yield (invocation) -> retry.execute(invocation, rewinder.canRewind(invocation) ? rewound : copied);
			}
			case COMPLETION_STAGE -> {
				CheckedFunction<ProxyMethodInvocation, CompletionStage<Object>> rewound = (invocation) -> Terminals
					.invokeAsync(next, rewinder.rewind(invocation));
				CheckedFunction<ProxyMethodInvocation, CompletionStage<Object>> copied = (invocation) -> Terminals
					.invokeAsync(next, (ProxyMethodInvocation) invocation.invocableClone());
				yield (invocation) -> retry.executeAsync(invocation, rewinder.canRewind(invocation) ? rewound : copied);
			}
			case MONO -> ReactorStages.retryMono(retry, next);
			case FLUX -> ReactorStages.retryFlux(retry, next);
		};
	}

}
