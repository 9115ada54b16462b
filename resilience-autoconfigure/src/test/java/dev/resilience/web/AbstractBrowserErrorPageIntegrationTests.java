package dev.resilience.web;

import java.net.http.HttpResponse;

import dev.resilience.circuitbreaker.CircuitBreaker.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP tests of the error pages that rejections turn into for browsers, while API clients
 * keep their problem details, run against Spring MVC and Spring WebFlux by the
 * subclasses. The application has an {@code error/429.html} page and no other.
 *
 * @author Resilience
 */
abstract class AbstractBrowserErrorPageIntegrationTests extends HttpTestSupport {

	static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	static final String ERROR_PAGES = "spring.web.resources.static-locations=classpath:/browser-error-pages/";

	@Test
	void rateLimitedPageAnswersBrowserWithHtmlErrorPageInsteadOfProblemJson() throws Exception {
		HttpResponse<String> response = fromBrowser("/rate-limited");
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(this::isHtml);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
		assertThat(response.body()).contains("<h1>Slow down</h1>");
	}

	@Test
	void openCircuitBreakerAnswersBrowserWithWhitelabelPageAndRetryAfter() throws Exception {
		HttpResponse<String> response = fromBrowser("/circuit-open");
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(this::isHtml);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("30");
		assertThat(response.body()).contains("Whitelabel Error Page").contains("status=503");
	}

	@Test
	void fullBulkheadAnswersBrowserWithErrorPageWithoutRetryAfter() throws Exception {
		HttpResponse<String> response = fromBrowser("/bulkhead-full");
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(this::isHtml);
		assertThat(response.headers().firstValue("Retry-After")).isEmpty();
	}

	@Test
	void exceededTimeLimitAnswersBrowserWithErrorPage() throws Exception {
		HttpResponse<String> response = fromBrowser("/timed-out");
		assertThat(response.statusCode()).isEqualTo(504);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(this::isHtml);
		assertThat(response.body()).contains("status=504");
	}

	@Test
	void openCircuitBreakerOfAsyncMethodAnswersBrowserWithErrorPage() throws Exception {
		inventoryCircuitBreaker().transitionTo(State.OPEN);
		HttpResponse<String> response = fromBrowser("/stock-async");
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(this::isHtml);
		assertThat(response.headers().firstValue("Retry-After")).isPresent();
	}

	@ParameterizedTest(name = "Accept: {0}")
	@ValueSource(strings = { "application/json", "application/problem+json", "*/*", "application/json, text/html;q=0.9",
			"application/json, text/html" })
	void rateLimitedPageAnswersApiClientWithProblemDetail(String accept) throws Exception {
		HttpResponse<String> response = send(request("/rate-limited").header("Accept", accept));
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
		assertThat(body(response)).containsEntry("status", 429).containsEntry("resilienceInstance", "orders");
	}

	@Test
	void rateLimitedPageAnswersClientWithoutAcceptWithProblemDetail() throws Exception {
		HttpResponse<String> response = get("/rate-limited");
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	HttpResponse<String> fromBrowser(String path) throws Exception {
		return send(request(path).header("Accept", BROWSER));
	}

	private void isHtml(String contentType) {
		assertThat(contentType).startsWith("text/html");
	}

}
