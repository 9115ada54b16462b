package dev.resilience.aop;

import java.util.concurrent.CompletionStage;

import dev.resilience.annotation.Bulkhead;
import dev.resilience.bulkhead.BulkheadRegistry;
import dev.resilience.core.CheckedFunction;

import org.springframework.aop.ProxyMethodInvocation;

/**
 * Binds {@link Bulkhead @Bulkhead} to the bulkhead it names. An asynchronous or reactive
 * call holds its slot until its result completes.
 *
 * @author Resilience
 * @since 0.1.0
 */
public final class BulkheadBinding implements PatternBinding<Bulkhead> {

	private final BulkheadRegistry registry;

	/**
	 * Create a binding.
	 * @param registry the bulkheads
	 */
	public BulkheadBinding(BulkheadRegistry registry) {
		this.registry = registry;
	}

	@Override
	public int order() {
		return BULKHEAD_ORDER;
	}

	@Override
	public Class<Bulkhead> annotationType() {
		return Bulkhead.class;
	}

	@Override
	public String fallbackMethod(Bulkhead annotation) {
		return annotation.fallbackMethod();
	}

	@Override
	public Stage wrap(AnnotatedMethod method, Bulkhead annotation, Stage next) {
		dev.resilience.bulkhead.Bulkhead bulkhead = this.registry.get(method.instanceName(annotation.name()));
		return switch (method.returnKind()) {
			case SYNC -> {
				CheckedFunction<ProxyMethodInvocation, Object> inner = next::invoke;
				yield (invocation) -> bulkhead.execute(invocation, inner);
			}
			case COMPLETION_STAGE -> {
				CheckedFunction<ProxyMethodInvocation, CompletionStage<Object>> inner = (invocation) -> Terminals
					.invokeAsync(next, invocation);
				yield (invocation) -> bulkhead.executeAsync(invocation, inner);
			}
			case MONO -> ReactorLimitStages.bulkheadMono(bulkhead, next);
			case FLUX -> ReactorLimitStages.bulkheadFlux(bulkhead, next);
		};
	}

}
