package dev.resilience.web;

import java.io.IOException;
import java.util.Collections;

import dev.resilience.bulkhead.BulkheadFullException;
import dev.resilience.circuitbreaker.CircuitBreakerOpenException;
import dev.resilience.core.ResilienceException;
import dev.resilience.ratelimiter.RateLimitExceededException;
import dev.resilience.timelimiter.TimeLimitExceededException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Spring MVC controller advice that answers a rejection by a resilience pattern with an
 * RFC 9457 problem detail ({@code application/problem+json}):
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
 * A client that prefers HTML, such as a browser asking for a page, gets the application's
 * HTML error page instead: the rejection is passed to Spring Boot's error handling with
 * its status and {@code Retry-After}, which renders the application's {@code error/429}
 * view (or {@code error/4xx}, ...) or else the whitelabel page. Clients that accept JSON,
 * problem details, anything ({@code *}{@code /*}), or say nothing get the problem detail.
 * <p>
 * The advice has the lowest precedence, so an application's own {@code @ExceptionHandler}
 * for these exceptions, in a controller or a controller advice, wins. Defining a bean of
 * this type replaces the auto-configured one; a subclass may override
 * {@link #handleRejection(ResilienceException)} to adapt the problem detail response.
 *
 * @author Resilience
 * @since 0.1.0
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ResilienceWebMvcExceptionHandler {

	/**
	 * Answer a rejection with a problem detail, or with the application's error page for
	 * a client that prefers HTML.
	 * @param rejection the rejection
	 * @param request the request
	 * @param response the response
	 * @return the problem detail response, or {@code null} once the error page is asked
	 * for
	 * @throws IOException if the error cannot be sent
	 */
	@ExceptionHandler({ RateLimitExceededException.class, CircuitBreakerOpenException.class,
			BulkheadFullException.class, TimeLimitExceededException.class })
	public @Nullable ResponseEntity<ProblemDetail> handleRejection(ResilienceException rejection,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (AcceptHeader.prefersHtml(Collections.list(request.getHeaders(HttpHeaders.ACCEPT)))) {
			String retryAfter = ProblemDetails.retryAfter(rejection);
			if (retryAfter != null) {
				response.setHeader(HttpHeaders.RETRY_AFTER, retryAfter);
			}
			// the container forwards to Spring Boot's error controller and its pages
			response.sendError(ProblemDetails.status(rejection).value(), rejection.getMessage());
			return null;
		}
		return handleRejection(rejection);
	}

	/**
	 * Answer a rejection with a problem detail.
	 * @param rejection the rejection
	 * @return the response, with its status, {@code Retry-After} header where known, and
	 * problem detail body
	 */
	public ResponseEntity<ProblemDetail> handleRejection(ResilienceException rejection) {
		return ProblemDetails.response(rejection);
	}

}
