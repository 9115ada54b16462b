package dev.resilience.aop;

import java.util.concurrent.CompletionStage;

import dev.resilience.annotation.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerRegistry;
import dev.resilience.core.CheckedFunction;

import org.springframework.aop.ProxyMethodInvocation;

/**
 * Binds {@link CircuitBreaker @CircuitBreaker} to the circuit breaker it names.
 *
 * @author Resilience
 * @since 0.1.0
 */
public final class CircuitBreakerBinding implements PatternBinding<CircuitBreaker> {

	private final CircuitBreakerRegistry registry;

	/**
	 * Create a binding.
	 * @param registry the circuit breakers
	 */
	public CircuitBreakerBinding(CircuitBreakerRegistry registry) {
		this.registry = registry;
	}

	@Override
	public int order() {
		return CIRCUIT_BREAKER_ORDER;
	}

	@Override
	public Class<CircuitBreaker> annotationType() {
		return CircuitBreaker.class;
	}

	@Override
	public String fallbackMethod(CircuitBreaker annotation) {
		return annotation.fallbackMethod();
	}

	@Override
	public Stage wrap(AnnotatedMethod method, CircuitBreaker annotation, Stage next) {
		dev.resilience.circuitbreaker.CircuitBreaker breaker = this.registry
			.get(method.instanceName(annotation.name()));
		return switch (method.returnKind()) {
			case SYNC -> {
				CheckedFunction<ProxyMethodInvocation, Object> inner = next::invoke;
				yield (invocation) -> breaker.execute(invocation, inner);
			}
			case COMPLETION_STAGE -> {
				CheckedFunction<ProxyMethodInvocation, CompletionStage<Object>> inner = (invocation) -> Terminals
					.invokeAsync(next, invocation);
				yield (invocation) -> breaker.executeAsync(invocation, inner);
			}
			case MONO -> ReactorStages.circuitBreakerMono(breaker, next);
			case FLUX -> ReactorStages.circuitBreakerFlux(breaker, next);
		};
	}

}
