package dev.resilience.actuate;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerRegistry;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * {@link HealthIndicator} that maps every circuit breaker to its state. It is
 * {@link Status#UP UP} unless a breaker configured with {@code health-affects-status:
 * true} is {@code OPEN} or {@code FORCED_OPEN}, then {@link Status#DOWN DOWN}; other
 * breakers are shown but never affect the status.
 *
 * @author Resilience
 * @since 0.1.0
 */
public class ResilienceHealthIndicator extends AbstractHealthIndicator {

	private final CircuitBreakerRegistry circuitBreakers;

	/**
	 * Create an indicator for the circuit breakers of the given registry.
	 * @param circuitBreakers the registry
	 */
	public ResilienceHealthIndicator(CircuitBreakerRegistry circuitBreakers) {
		super("Resilience health check failed");
		this.circuitBreakers = circuitBreakers;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Map<String, String> states = new LinkedHashMap<>();
		boolean down = false;
		for (CircuitBreaker circuitBreaker : this.circuitBreakers.all()) {
			CircuitBreaker.State state = circuitBreaker.state();
			states.put(circuitBreaker.name(), state.name());
			down |= circuitBreaker.config().healthAffectsStatus() && isOpen(state);
		}
		builder.status(down ? Status.DOWN : Status.UP).withDetail("circuitBreakers", states);
	}

	private static boolean isOpen(CircuitBreaker.State state) {
		return state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN;
	}

}
