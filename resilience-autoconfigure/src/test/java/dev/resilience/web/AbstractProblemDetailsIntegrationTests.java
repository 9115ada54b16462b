package dev.resilience.web;

import java.net.http.HttpResponse;

import dev.resilience.circuitbreaker.CircuitBreaker.State;
import dev.resilience.core.ResilienceException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP tests of the problem details that rejections turn into, run against Spring MVC and
 * Spring WebFlux by the subclasses.
 *
 * @author Resilience
 */
abstract class AbstractProblemDetailsIntegrationTests extends HttpTestSupport {

	@Test
	void exhaustedRateLimitAnswersTooManyRequestsWithRetryAfterRoundedUp() throws Exception {
		HttpResponse<String> response = get("/rate-limited");
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
		assertProblem(response, "/rate-limited", 429, "Too Many Requests",
				ProblemDetailsTestApplication.rateLimitRejection());
	}

	@Test
	void openCircuitBreakerAnswersServiceUnavailableWithRetryAfter() throws Exception {
		HttpResponse<String> response = get("/circuit-open");
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("30");
		assertProblem(response, "/circuit-open", 503, "Service Unavailable",
				ProblemDetailsTestApplication.circuitBreakerRejection());
	}

	@Test
	void fullBulkheadAnswersServiceUnavailableWithoutRetryAfter() throws Exception {
		HttpResponse<String> response = get("/bulkhead-full");
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).isEmpty();
		assertProblem(response, "/bulkhead-full", 503, "Service Unavailable",
				ProblemDetailsTestApplication.bulkheadRejection());
	}

	@Test
	void exceededTimeLimitAnswersGatewayTimeout() throws Exception {
		HttpResponse<String> response = get("/timed-out");
		assertThat(response.statusCode()).isEqualTo(504);
		assertThat(response.headers().firstValue("Retry-After")).isEmpty();
		assertProblem(response, "/timed-out", 504, "Gateway Timeout",
				ProblemDetailsTestApplication.timeLimitRejection());
	}

	@Test
	void closedCircuitBreakerOfAnnotatedMethodLetsCallThrough() throws Exception {
		HttpResponse<String> response = get("/stock");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("42");
	}

	@Test
	void openCircuitBreakerOfAnnotatedMethodAnswersTimeLeftOpen() throws Exception {
		inventoryCircuitBreaker().transitionTo(State.OPEN);
		HttpResponse<String> response = get("/stock");
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After").map(Long::valueOf))
			.hasValueSatisfying((seconds) -> assertThat(seconds).isBetween(3500L, 3600L));
		assertThat(body(response)).containsEntry("resilienceInstance", "inventory");
	}

	@Test
	void forcedOpenCircuitBreakerOfAnnotatedMethodAnswersWithoutRetryAfter() throws Exception {
		inventoryCircuitBreaker().transitionTo(State.FORCED_OPEN);
		HttpResponse<String> response = get("/stock");
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).isEmpty();
		assertThat(body(response)).containsEntry("resilienceInstance", "inventory");
	}

	@Test
	void openCircuitBreakerOfAsyncMethodAnswersServiceUnavailable() throws Exception {
		inventoryCircuitBreaker().transitionTo(State.OPEN);
		HttpResponse<String> response = get("/stock-async");
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).isPresent();
		assertThat(body(response)).containsEntry("resilienceInstance", "inventory");
	}

	@Test
	void clientAcceptingJsonGetsProblemDetail() throws Exception {
		HttpResponse<String> response = send(request("/rate-limited").header("Accept", "application/json"));
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(body(response)).containsEntry("status", 429).containsEntry("resilienceInstance", "orders");
	}

	private void assertProblem(HttpResponse<String> response, String path, int status, String title,
			ResilienceException rejection) {
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(body(response)).containsEntry("status", status)
			.containsEntry("title", title)
			.containsEntry("detail", rejection.getMessage())
			.containsEntry("instance", path)
			.containsEntry("resilienceInstance", rejection.getInstanceName());
	}

}
