package dev.resilience.web;

import java.net.http.HttpResponse;

import dev.resilience.circuitbreaker.CircuitBreaker.State;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP tests that an application's own controller advice wins over the auto-configured
 * one, run against Spring MVC and Spring WebFlux by the subclasses.
 *
 * @author Resilience
 */
abstract class AbstractApplicationAdviceIntegrationTests extends HttpTestSupport {

	@Test
	void applicationAdviceAnswersOpenCircuitBreaker() throws Exception {
		HttpResponse<String> response = get("/circuit-open");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("cached by payments");
	}

	@Test
	void applicationAdviceAnswersOpenCircuitBreakerOfAnnotatedMethod() throws Exception {
		inventoryCircuitBreaker().transitionTo(State.OPEN);
		HttpResponse<String> response = get("/stock");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("cached by inventory");
	}

	@Test
	void applicationAdviceAnswersOpenCircuitBreakerForBrowsersToo() throws Exception {
		HttpResponse<String> response = send(
				request("/circuit-open").header("Accept", AbstractBrowserErrorPageIntegrationTests.BROWSER));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("cached by payments");
	}

	@Test
	void rejectionsTheApplicationDoesNotHandleAnswerBrowsersWithErrorPage() throws Exception {
		HttpResponse<String> response = send(
				request("/rate-limited").header("Accept", AbstractBrowserErrorPageIntegrationTests.BROWSER));
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
	}

	@Test
	void rejectionsTheApplicationDoesNotHandleStillAnswerProblemDetails() throws Exception {
		HttpResponse<String> response = get("/rate-limited");
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(body(response)).containsEntry("resilienceInstance", "orders");
	}

}
