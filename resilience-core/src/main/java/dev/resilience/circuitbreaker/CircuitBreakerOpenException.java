package dev.resilience.circuitbreaker;

import java.time.Duration;
import java.util.Objects;

import dev.resilience.core.internal.Durations;
import dev.resilience.core.ResilienceException;
import dev.resilience.core.RetryAfterAware;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a circuit breaker rejects a call: it is open, forced open, or half-open
 * with all its trial calls under way. Created under load, so it carries no stack trace.
 *
 * @author Resilience
 * @since 0.1.0
 */
public final class CircuitBreakerOpenException extends ResilienceException implements RetryAfterAware {

	private final CircuitBreaker.State state;

	private final @Nullable Duration retryAfter;

	/**
	 * Create an exception for a rejected call.
	 * @param instanceName the name of the circuit breaker
	 * @param state the state that rejected the call
	 * @param retryAfter the time left before the breaker lets trial calls through, or
	 * {@code null} if unknown
	 */
	public CircuitBreakerOpenException(String instanceName, CircuitBreaker.State state, @Nullable Duration retryAfter) {
		super(instanceName, message(instanceName, state, retryAfter), false);
		this.state = Objects.requireNonNull(state, "state must not be null");
		this.retryAfter = retryAfter;
	}

	private static String message(String instanceName, CircuitBreaker.State state, @Nullable Duration retryAfter) {
		String message = "CircuitBreaker '" + instanceName + "' is " + state;
		if (state == CircuitBreaker.State.HALF_OPEN) {
			return message + " and permits no more calls until its trial calls complete";
		}
		message += " and permits no calls";
		return (retryAfter != null) ? message + "; retry after " + Durations.describe(retryAfter) : message;
	}

	/**
	 * Return the time left before the circuit breaker lets trial calls through.
	 * @return the time left open, or {@code null} when forced open or half-open, since
	 * the breaker cannot tell then
	 */
	@Override
	public @Nullable Duration getRetryAfter() {
		return this.retryAfter;
	}

	/**
	 * Return the state that rejected the call.
	 * @return {@link CircuitBreaker.State#OPEN}, {@link CircuitBreaker.State#FORCED_OPEN}
	 * or {@link CircuitBreaker.State#HALF_OPEN}
	 */
	public CircuitBreaker.State getState() {
		return this.state;
	}

	/**
	 * An open circuit breaker says nothing about the downstream's health of its own:
	 * retries do not retry it and other breakers do not record it, unless configured to.
	 * @return {@code true}
	 */
	@Override
	public boolean isPolicyRejection() {
		return true;
	}

}
