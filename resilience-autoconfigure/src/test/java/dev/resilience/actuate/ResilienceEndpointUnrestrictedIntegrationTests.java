package dev.resilience.actuate;

import java.util.Map;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP tests of the {@code resilience} endpoint's writes, with
 * {@code management.endpoint.resilience.access=unrestricted}.
 *
 * @author Resilience
 */
@SpringBootTest(classes = ResilienceEndpointTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=health,resilience",
				"management.endpoint.health.show-details=always", "management.endpoint.resilience.access=unrestricted",
				"resilience.circuit-breaker.instances.inventory.health-affects-status=true",
				"resilience.retry.instances.inventory.wait-duration=0ms" })
class ResilienceEndpointUnrestrictedIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private CircuitBreakerRegistry circuitBreakers;

	private RestTestClient client;

	@BeforeEach
	void createClient() {
		this.client = RestTestClient.bindToServer().baseUrl("http://localhost:" + this.port + "/actuator").build();
	}

	@AfterEach
	void closeBreaker() {
		this.circuitBreakers.get("inventory").transitionTo(CircuitBreaker.State.CLOSED);
	}

	@Test
	void writeChangesBreakerStateAndAnswersNewSummary() {
		post("/resilience/circuit-breakers/inventory", Map.of("state", "FORCED_OPEN")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("FORCED_OPEN")
			.jsonPath("$.bufferedCalls")
			.isEqualTo(0);
		assertThat(this.circuitBreakers.get("inventory").state()).isEqualTo(CircuitBreaker.State.FORCED_OPEN);
	}

	@Test
	void forcedOpenBreakerThatAffectsHealthTurnsHealthDown() {
		post("/resilience/circuit-breakers/inventory", Map.of("state", "FORCED_OPEN")).expectStatus().isOk();
		this.client.get()
			.uri("/health")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectBody()
			.jsonPath("$.components.resilience.status")
			.isEqualTo("DOWN")
			.jsonPath("$.components.resilience.details.circuitBreakers.inventory")
			.isEqualTo("FORCED_OPEN");
		post("/resilience/circuit-breakers/inventory", Map.of("state", "CLOSED")).expectStatus().isOk();
		this.client.get().uri("/health").exchange().expectStatus().isOk();
	}

	@Test
	void writeAnswersBadRequestForHalfOpenUnknownOrMissingState() {
		post("/resilience/circuit-breakers/inventory", Map.of("state", "HALF_OPEN")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("state must be one of [CLOSED, OPEN, FORCED_OPEN, DISABLED], but was HALF_OPEN");
		post("/resilience/circuit-breakers/inventory", Map.of("state", "AJAR")).expectStatus().isBadRequest();
		post("/resilience/circuit-breakers/inventory", Map.of()).expectStatus().isBadRequest();
		assertThat(this.circuitBreakers.get("inventory").state()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	@Test
	void writeAnswersNotFoundForUnknownNameOrKind() {
		post("/resilience/circuit-breakers/unknown", Map.of("state", "OPEN")).expectStatus().isNotFound();
		post("/resilience/caches/inventory", Map.of("state", "OPEN")).expectStatus().isNotFound();
		assertThat(this.circuitBreakers.find("unknown")).isEmpty();
	}

	@Test
	void writeAnswersBadRequestForKindThatTakesNoChanges() {
		post("/resilience/retries/inventory", Map.of("state", "OPEN")).expectStatus().isBadRequest();
		post("/resilience/rate-limiters/catalog", Map.of("state", "OPEN")).expectStatus().isBadRequest();
		post("/resilience/bulkheads/catalog", Map.of("state", "OPEN")).expectStatus().isBadRequest();
		post("/resilience/time-limiters/catalog", Map.of("state", "OPEN")).expectStatus().isBadRequest();
	}

	private RestTestClient.ResponseSpec post(String uri, Map<String, Object> body) {
		return this.client.post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body).exchange();
	}

}
