package dev.resilience.actuate;

import java.io.UncheckedIOException;
import java.util.Map;

import dev.resilience.actuate.ResilienceEndpointTestApplication.CatalogClient;
import dev.resilience.actuate.ResilienceEndpointTestApplication.InventoryClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * HTTP tests of the {@code resilience} endpoint, its health contributor and its meters,
 * with the endpoint's default read-only access.
 *
 * @author Resilience
 */
@SpringBootTest(classes = ResilienceEndpointTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=health,resilience,prometheus",
				"management.endpoint.health.show-details=always",
				"resilience.circuit-breaker.instances.inventory.health-affects-status=true",
				"resilience.retry.instances.inventory.max-attempts=2",
				"resilience.retry.instances.inventory.wait-duration=0ms",
				"resilience.rate-limiter.instances.catalog.limit=50",
				"resilience.rate-limiter.instances.catalog.burst=20",
				"resilience.rate-limiter.instances.search.algorithm=sliding-window",
				"resilience.bulkhead.instances.catalog.max-concurrent-calls=4",
				"resilience.bulkhead.instances.reports.max-wait-duration=250ms",
				"resilience.time-limiter.instances.catalog.timeout=2s",
				"resilience.time-limiter.instances.quotes.cancel-running=false" })
class ResilienceEndpointReadOnlyIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private InventoryClient inventory;

	@Autowired
	private CatalogClient catalog;

	private RestTestClient client;

	@BeforeEach
	void createClient() {
		this.client = RestTestClient.bindToServer().baseUrl("http://localhost:" + this.port + "/actuator").build();
	}

	@Test
	void summaryAnswersEveryPatternKeyInOrder() {
		String json = this.client.get()
			.uri("/resilience")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		Map<String, Object> summary = JsonMapper.shared().readValue(json, new TypeReference<>() {
		});
		assertThat(summary.keySet()).containsExactly("circuitBreakers", "retries", "rateLimiters", "bulkheads",
				"timeLimiters", "sagas");
	}

	@Test
	void summaryShowsInstancesNamedInConfigurationBeforeTheirFirstCall() {
		this.client.get()
			.uri("/resilience")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.circuitBreakers.inventory.state")
			.isEqualTo("CLOSED")
			.jsonPath("$.circuitBreakers.inventory.bufferedCalls")
			.isNumber()
			.jsonPath("$.retries.inventory.successWithoutRetry")
			.isNumber()
			.jsonPath("$.rateLimiters.catalog.permittedCalls")
			.isNumber()
			.jsonPath("$.rateLimiters.search.availablePermits")
			.isEqualTo(100)
			.jsonPath("$.rateLimiters.search.liveKeys")
			.isEqualTo(0)
			.jsonPath("$.bulkheads.catalog.maxConcurrentCalls")
			.isEqualTo(4)
			.jsonPath("$.bulkheads.reports.activeCalls")
			.isEqualTo(0)
			.jsonPath("$.timeLimiters.catalog.timedOutCalls")
			.isNumber()
			.jsonPath("$.timeLimiters.quotes.successfulCalls")
			.isEqualTo(0)
			.jsonPath("$.sagas")
			.isEmpty();
	}

	@Test
	void summaryAnswersNullForRatesThatCannotBeComputedYet() {
		this.client.get()
			.uri("/resilience")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((json) -> assertThat(json)
				.contains("\"inventory\":{\"state\":\"CLOSED\",\"failureRate\":null,\"slowCallRate\":null,"));
	}

	@Test
	void detailShowsStateConfigurationAndEvents() {
		this.client.get()
			.uri("/resilience/retries/inventory")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("inventory")
			.jsonPath("$.state.failureWithRetry")
			.isNumber()
			.jsonPath("$.config.max-attempts")
			.isEqualTo(2)
			.jsonPath("$.config.wait-duration")
			.isEqualTo("PT0S")
			.jsonPath("$.config.backoff")
			.isEqualTo("exponential")
			.jsonPath("$.events")
			.isArray();
		this.client.get()
			.uri("/resilience/circuit-breakers/inventory")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.state.state")
			.isEqualTo("CLOSED")
			.jsonPath("$.config.health-affects-status")
			.isEqualTo(true)
			.jsonPath("$.config.sliding-window-type")
			.isEqualTo("count");
	}

	@Test
	void detailShowsEffectiveConfigurationOfRateLimitersBulkheadsAndTimeLimiters() {
		this.client.get()
			.uri("/resilience/rate-limiters/catalog")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("catalog")
			.jsonPath("$.state.rejectedCalls")
			.isNumber()
			.jsonPath("$.config.algorithm")
			.isEqualTo("token-bucket")
			.jsonPath("$.config.limit")
			.isEqualTo(50)
			.jsonPath("$.config.burst")
			.isEqualTo(20)
			.jsonPath("$.config.period")
			.isEqualTo("PT1S")
			.jsonPath("$.config.max-keys")
			.isEqualTo(100000)
			.jsonPath("$.events")
			.isArray();
		this.client.get()
			.uri("/resilience/rate-limiters/search")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.config.algorithm")
			.isEqualTo("sliding-window");
		this.client.get()
			.uri("/resilience/bulkheads/catalog")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.state.availableSlots")
			.isNumber()
			.jsonPath("$.config.max-concurrent-calls")
			.isEqualTo(4)
			.jsonPath("$.config.max-wait-duration")
			.isEqualTo("PT0S");
		this.client.get()
			.uri("/resilience/bulkheads/reports")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.config.max-wait-duration")
			.isEqualTo("PT0.25S");
		this.client.get()
			.uri("/resilience/time-limiters/catalog")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.state.successfulCalls")
			.isNumber()
			.jsonPath("$.config.timeout")
			.isEqualTo("PT2S")
			.jsonPath("$.config.cancel-running")
			.isEqualTo(true);
		this.client.get()
			.uri("/resilience/time-limiters/quotes")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.config.cancel-running")
			.isEqualTo(false);
	}

	@Test
	void detailAnswersNotFoundForUnknownNameOrKind() {
		this.client.get().uri("/resilience/circuit-breakers/unknown").exchange().expectStatus().isNotFound();
		this.client.get().uri("/resilience/rate-limiters/unknown").exchange().expectStatus().isNotFound();
		this.client.get().uri("/resilience/bulkheads/inventory").exchange().expectStatus().isNotFound();
		this.client.get().uri("/resilience/time-limiters/unknown").exchange().expectStatus().isNotFound();
		this.client.get().uri("/resilience/caches/inventory").exchange().expectStatus().isNotFound();
	}

	@Test
	void writeIsRefusedByDefault() {
		this.client.post()
			.uri("/resilience/circuit-breakers/inventory")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("state", "FORCED_OPEN"))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
		this.client.get()
			.uri("/resilience/circuit-breakers/inventory")
			.exchange()
			.expectBody()
			.jsonPath("$.state.state")
			.isEqualTo("CLOSED");
	}

	@Test
	void healthShowsEveryBreakerState() {
		this.client.get()
			.uri("/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.components.resilience.status")
			.isEqualTo("UP")
			.jsonPath("$.components.resilience.details.circuitBreakers.inventory")
			.isEqualTo("CLOSED");
	}

	@Test
	void prometheusShowsCallMeters() {
		assertThat(this.inventory.stock("sku-1")).isEqualTo(42);
		this.inventory.failing(true);
		try {
			assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(() -> this.inventory.stock("sku-2"));
		}
		finally {
			this.inventory.failing(false);
		}
		String scrape = this.client.get()
			.uri("/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(scrape)
			.contains("resilience_circuitbreaker_calls_seconds_count{name=\"inventory\",outcome=\"success\"}")
			.contains("resilience_circuitbreaker_calls_seconds_count{name=\"inventory\",outcome=\"failure\"}")
			.contains("resilience_circuitbreaker_state{name=\"inventory\",state=\"closed\"} 1")
			.contains("resilience_retry_calls_total{name=\"inventory\",outcome=\"success_without_retry\"}")
			.contains("resilience_retry_calls_total{name=\"inventory\",outcome=\"failure_with_retry\"}");
	}

	@Test
	void prometheusShowsRateLimiterBulkheadAndTimeLimiterMeters() {
		assertThat(this.catalog.price("sku-1")).isEqualTo(7);
		String scrape = this.client.get()
			.uri("/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(scrape).contains("resilience_ratelimiter_calls_total{name=\"catalog\",outcome=\"permitted\"} 1")
			.contains("resilience_ratelimiter_calls_total{name=\"catalog\",outcome=\"rejected\"} 0")
			.contains("resilience_ratelimiter_calls_total{name=\"search\",outcome=\"permitted\"} 0")
			.contains("resilience_bulkhead_active_calls{name=\"catalog\"} 0")
			.contains("resilience_bulkhead_queued_calls{name=\"catalog\"} 0")
			.contains("resilience_bulkhead_calls_total{name=\"catalog\",outcome=\"permitted\"} 1")
			.contains("resilience_bulkhead_calls_total{name=\"reports\",outcome=\"rejected\"} 0")
			.contains("resilience_timelimiter_calls_total{name=\"catalog\",outcome=\"success\"} 1")
			.contains("resilience_timelimiter_calls_total{name=\"catalog\",outcome=\"timeout\"} 0")
			.contains("resilience_timelimiter_calls_total{name=\"quotes\",outcome=\"failure\"} 0");
	}

}
