package dev.resilience.web;

import java.time.Duration;

import dev.resilience.core.ResilienceException;
import dev.resilience.core.RetryAfterAware;
import dev.resilience.ratelimiter.RateLimitExceededException;
import dev.resilience.timelimiter.TimeLimitExceededException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Turns a {@link ResilienceException} into an RFC 9457 problem detail response, the one
 * place that decides the status of each rejection. Shared by the MVC and WebFlux
 * handlers.
 *
 * @author Resilience
 */
final class ProblemDetails {

	/**
	 * Name of the problem property that carries the name of the rejecting instance. The
	 * standard {@code instance} member is a URI that identifies the occurrence, so the
	 * resilience instance gets a member of its own.
	 */
	static final String INSTANCE_PROPERTY = "resilienceInstance";

	private ProblemDetails() {
	}

	/**
	 * Create the response for a rejection: its status, a problem detail body and, when
	 * the rejection knows when to try again, a {@code Retry-After} header.
	 * @param rejection the rejection
	 * @return the response
	 */
	static ResponseEntity<ProblemDetail> response(ResilienceException rejection) {
		HttpStatus status = status(rejection);
		ProblemDetail body = ProblemDetail.forStatus(status);
		body.setTitle(status.getReasonPhrase());
		body.setDetail(rejection.getMessage());
		body.setProperty(INSTANCE_PROPERTY, rejection.getInstanceName());
		ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
		String retryAfter = retryAfter(rejection);
		if (retryAfter != null) {
			response.header(HttpHeaders.RETRY_AFTER, retryAfter);
		}
		return response.body(body);
	}

	/**
	 * Return the status of a rejection: 429 for an exhausted rate limit, 504 for a
	 * time-out, 503 for an open circuit breaker, a full bulkhead or any other rejection.
	 * @param rejection the rejection
	 * @return the status
	 */
	static HttpStatus status(ResilienceException rejection) {
		if (rejection instanceof RateLimitExceededException) {
			return HttpStatus.TOO_MANY_REQUESTS;
		}
		if (rejection instanceof TimeLimitExceededException) {
			return HttpStatus.GATEWAY_TIMEOUT;
		}
		// an open circuit breaker, a full bulkhead: the service cannot take the call now
		return HttpStatus.SERVICE_UNAVAILABLE;
	}

	/**
	 * Return the {@code Retry-After} value of a rejection, in whole seconds.
	 * @param rejection the rejection
	 * @return the delay in seconds, or {@code null} when the rejection cannot tell
	 */
	static @Nullable String retryAfter(ResilienceException rejection) {
		if (rejection instanceof RetryAfterAware aware) {
			Duration retryAfter = aware.getRetryAfter();
			return (retryAfter != null) ? Long.toString(seconds(retryAfter)) : null;
		}
		return null;
	}

	/**
	 * Round a delay up to whole seconds, since a client that comes back early is rejected
	 * again: 1.2s becomes 2, and only a zero or negative delay becomes 0.
	 * @param delay the delay
	 * @return the delay in whole seconds, never negative
	 */
	static long seconds(Duration delay) {
		if (delay.isNegative() || delay.isZero()) {
			return 0;
		}
		long seconds = delay.getSeconds();
		return (delay.getNano() > 0 && seconds < Long.MAX_VALUE) ? seconds + 1 : seconds;
	}

}
