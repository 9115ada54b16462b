package dev.resilience.web;

import java.time.Duration;

import dev.resilience.bulkhead.BulkheadFullException;
import dev.resilience.circuitbreaker.CircuitBreaker.State;
import dev.resilience.circuitbreaker.CircuitBreakerOpenException;
import dev.resilience.core.ResilienceException;
import dev.resilience.core.RetryAfterAware;
import dev.resilience.ratelimiter.RateLimitExceededException;
import dev.resilience.timelimiter.TimeLimitExceededException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Tests for {@link ProblemDetails}.
 *
 * @author Resilience
 */
class ProblemDetailsTests {

	@Test
	void exhaustedRateLimitIsTooManyRequestsWithRetryAfter() {
		ResponseEntity<ProblemDetail> response = ProblemDetails
			.response(new RateLimitExceededException("orders", Duration.ofMillis(1200)));
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(response.getHeaders().get(HttpHeaders.RETRY_AFTER)).containsExactly("2");
		assertThat(response.getBody().getStatus()).isEqualTo(429);
		assertThat(response.getBody().getTitle()).isEqualTo("Too Many Requests");
	}

	@Test
	void openCircuitBreakerIsServiceUnavailableWithRetryAfter() {
		ResponseEntity<ProblemDetail> response = ProblemDetails
			.response(new CircuitBreakerOpenException("payments", State.OPEN, Duration.ofSeconds(30)));
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(response.getHeaders().get(HttpHeaders.RETRY_AFTER)).containsExactly("30");
		assertThat(response.getBody().getStatus()).isEqualTo(503);
		assertThat(response.getBody().getTitle()).isEqualTo("Service Unavailable");
	}

	@Test
	void circuitBreakerThatCannotTellWhenItClosesHasNoRetryAfter() {
		ResponseEntity<ProblemDetail> response = ProblemDetails
			.response(new CircuitBreakerOpenException("payments", State.FORCED_OPEN, null));
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(response.getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)).isFalse();
	}

	@Test
	void fullBulkheadIsServiceUnavailableWithoutRetryAfter() {
		ResponseEntity<ProblemDetail> response = ProblemDetails
			.response(new BulkheadFullException("reports", 10, Duration.ZERO));
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(response.getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)).isFalse();
		assertThat(response.getBody().getTitle()).isEqualTo("Service Unavailable");
	}

	@Test
	void exceededTimeLimitIsGatewayTimeout() {
		ResponseEntity<ProblemDetail> response = ProblemDetails
			.response(new TimeLimitExceededException("search", Duration.ofSeconds(2)));
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
		assertThat(response.getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)).isFalse();
		assertThat(response.getBody().getStatus()).isEqualTo(504);
		assertThat(response.getBody().getTitle()).isEqualTo("Gateway Timeout");
	}

	@Test
	void otherRejectionIsServiceUnavailableWithItsRetryAfter() {
		ResponseEntity<ProblemDetail> response = ProblemDetails
			.response(new OtherRejection("ledger", Duration.ofMillis(2500)));
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(response.getHeaders().get(HttpHeaders.RETRY_AFTER)).containsExactly("3");
	}

	@Test
	void bodyCarriesMessageAsDetailAndInstanceNameAsProperty() {
		BulkheadFullException rejection = new BulkheadFullException("reports", 10, Duration.ofMillis(50));
		ProblemDetail body = ProblemDetails.response(rejection).getBody();
		assertThat(body.getDetail()).isEqualTo(rejection.getMessage()).contains("reports");
		assertThat(body.getProperties()).containsExactly(entry("resilienceInstance", "reports"));
		assertThat(body.getInstance()).isNull();
	}

	@ParameterizedTest(name = "{0} is {1}s")
	@CsvSource({ "PT0S, 0", "PT0.000000001S, 1", "PT0.999S, 1", "PT1S, 1", "PT1.2S, 2", "PT59.001S, 60", "PT1H, 3600",
			"PT-1.5S, 0" })
	void retryAfterRoundsUpToWholeSeconds(Duration delay, long seconds) {
		assertThat(ProblemDetails.seconds(delay)).isEqualTo(seconds);
		assertThat(ProblemDetails.retryAfter(new OtherRejection("ledger", delay))).isEqualTo(Long.toString(seconds));
	}

	@Test
	void retryAfterOfLongestDelayDoesNotOverflow() {
		Duration longest = Duration.ofSeconds(Long.MAX_VALUE, 999_999_999);
		assertThat(ProblemDetails.seconds(longest)).isEqualTo(Long.MAX_VALUE);
	}

	@Test
	void retryAfterIsAbsentForRejectionThatDoesNotKnowIt() {
		assertThat(ProblemDetails.retryAfter(new OtherRejection("ledger", null))).isNull();
		assertThat(ProblemDetails.retryAfter(new TimeLimitExceededException("search", Duration.ofSeconds(2)))).isNull();
	}

	static final class OtherRejection extends ResilienceException implements RetryAfterAware {

		private final @Nullable Duration retryAfter;

		OtherRejection(String instanceName, @Nullable Duration retryAfter) {
			super(instanceName, "Rejected by " + instanceName, false);
			this.retryAfter = retryAfter;
		}

		@Override
		public @Nullable Duration getRetryAfter() {
			return this.retryAfter;
		}

	}

}
