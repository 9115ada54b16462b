package dev.resilience.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreaker.State;
import dev.resilience.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the HTTP tests against {@link ProblemDetailsTestApplication}: requests over the
 * JDK's HTTP client, and the {@code inventory} circuit breaker, closed after each test.
 *
 * @author Resilience
 */
abstract class HttpTestSupport {

	private static final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private CircuitBreakerRegistry circuitBreakers;

	@AfterEach
	void closeInventoryCircuitBreaker() {
		inventoryCircuitBreaker().transitionTo(State.CLOSED);
	}

	CircuitBreaker inventoryCircuitBreaker() {
		return this.circuitBreakers.get("inventory");
	}

	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return send(request(path));
	}

	HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).GET();
	}

	HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return client.send(request.build(), BodyHandlers.ofString());
	}

	static Map<String, Object> body(HttpResponse<String> response) {
		return JsonMapper.shared().readValue(response.body(), new TypeReference<>() {
		});
	}

}
