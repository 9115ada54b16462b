package dev.resilience.web;

import dev.resilience.bulkhead.BulkheadFullException;
import dev.resilience.circuitbreaker.CircuitBreakerOpenException;
import dev.resilience.core.ResilienceException;
import dev.resilience.ratelimiter.RateLimitExceededException;
import dev.resilience.timelimiter.TimeLimitExceededException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Spring WebFlux controller advice that answers a rejection by a resilience pattern with
 * an RFC 9457 problem detail ({@code application/problem+json}):
 * <ul>
 * <li>{@link RateLimitExceededException}: 429 Too Many Requests, with
 * {@code Retry-After};</li>
 * <li>{@link CircuitBreakerOpenException}: 503 Service Unavailable, with
 * {@code Retry-After} when the breaker knows how long it stays open;</li>
 * <li>{@link BulkheadFullException}: 503 Service Unavailable;</li>
 * <li>{@link TimeLimitExceededException}: 504 Gateway Timeout.</li>
 * </ul>
 * {@code Retry-After} is in whole seconds, rounded up. The body's {@code detail} is the
 * exception's message and its {@code resilienceInstance} property names the instance that
 * rejected the call.
 * <p>
 * The advice has the lowest precedence, so an application's own {@code @ExceptionHandler}
 * for these exceptions, in a controller or a controller advice, wins. Defining a bean of
 * this type replaces the auto-configured one; a subclass may override
 * {@link #handleRejection(ResilienceException)} to adapt the response.
 *
 * @author Resilience
 * @since 0.1.0
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ResilienceWebFluxExceptionHandler {

	/**
	 * Answer a rejection with a problem detail.
	 * @param rejection the rejection
	 * @return the response, with its status, {@code Retry-After} header where known, and
	 * problem detail body
	 */
	@ExceptionHandler({ RateLimitExceededException.class, CircuitBreakerOpenException.class,
			BulkheadFullException.class, TimeLimitExceededException.class })
	public ResponseEntity<ProblemDetail> handleRejection(ResilienceException rejection) {
		return ProblemDetails.response(rejection);
	}

}
