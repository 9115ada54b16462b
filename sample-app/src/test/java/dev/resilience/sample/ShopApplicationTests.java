package dev.resilience.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.json.BasicJsonTester;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Drives the shop over real HTTP while its inventory service misbehaves.
 *
 * @author Resilience
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ShopApplicationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	private final HttpClient http = HttpClient.newHttpClient();

	private final BasicJsonTester json = new BasicJsonTester(getClass());

	@LocalServerPort
	private int port;

	@BeforeEach
	void healthyDownstreamAndClosedBreaker() throws Exception {
		setDownstream("{\"failureRate\": 0.0, \"latency\": \"PT0S\"}");
		HttpResponse<String> reset = post("/actuator/resilience/circuit-breakers/inventory", "{\"state\": \"CLOSED\"}");
		assertThat(reset.statusCode()).as(reset.body()).isBetween(200, 299);
	}

	@Test
	void answersLiveStockWhenDownstreamIsHealthy() throws Exception {
		HttpResponse<String> response = get("/api/stock/apple");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.json.from(response.body())).extractingJsonPathStringValue("$.source").isEqualTo("live");
		assertThat(this.json.from(response.body())).extractingJsonPathNumberValue("$.quantity").isNotNull();
		assertThat(this.json.from(response.body())).extractingJsonPathValue("$.cause").isNull();
	}

	@Test
	void answersLiveStockAsynchronouslyWhenDownstreamIsHealthy() throws Exception {
		HttpResponse<String> response = get("/api/stock/apple/async");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.json.from(response.body())).extractingJsonPathStringValue("$.source").isEqualTo("live");
	}

	@Test
	void fallsBackToCacheAndOpensBreakerWhenDownstreamFails() throws Exception {
		Integer liveQuantity = JsonPath.read(get("/api/stock/pear").body(), "$.quantity");
		long retryCountsBefore = retryCounts();
		setDownstream("{\"failureRate\": 1.0}");
		await().atMost(PATIENCE).untilAsserted(() -> {
			HttpResponse<String> stock = get("/api/stock/pear");
			assertThat(stock.statusCode()).isEqualTo(200);
			assertThat(this.json.from(stock.body())).extractingJsonPathStringValue("$.source").isEqualTo("cache");
			assertThat(breakerState()).isEqualTo("OPEN");
		});
		HttpResponse<String> stale = get("/api/stock/pear");
		assertThat(this.json.from(stale.body())).extractingJsonPathStringValue("$.source").isEqualTo("cache");
		assertThat(this.json.from(stale.body())).extractingJsonPathNumberValue("$.quantity").isEqualTo(liveQuantity);
		assertThat(this.json.from(stale.body())).extractingJsonPathStringValue("$.cause")
			.isEqualTo("dev.resilience.circuitbreaker.CircuitBreakerOpenException");
		assertThat(retryCounts()).isGreaterThan(retryCountsBefore);
	}

	@Test
	void fallsBackToCacheAsynchronouslyWhenDownstreamFails() throws Exception {
		setDownstream("{\"failureRate\": 1.0}");
		HttpResponse<String> response = get("/api/stock/plum/async");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.json.from(response.body())).extractingJsonPathStringValue("$.source").isEqualTo("cache");
		assertThat(this.json.from(response.body())).extractingJsonPathValue("$.quantity").isNull();
		assertThat(this.json.from(response.body())).extractingJsonPathStringValue("$.cause")
			.isEqualTo(DownstreamUnavailableException.class.getName());
	}

	@Test
	void reportsDownWhileBreakerIsOpen() throws Exception {
		setDownstream("{\"failureRate\": 1.0}");
		await().atMost(PATIENCE).untilAsserted(() -> {
			get("/api/stock/fig");
			assertThat(breakerState()).isEqualTo("OPEN");
		});
		HttpResponse<String> health = get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(503);
		assertThat(this.json.from(health.body()))
			.extractingJsonPathStringValue("$.components.resilience.details.circuitBreakers.inventory")
			.isEqualTo("OPEN");
	}

	@Test
	void exposesRetryAndCircuitBreakerMetricsToPrometheus() throws Exception {
		setDownstream("{\"failureRate\": 1.0}");
		get("/api/stock/kiwi");
		String scrape = get("/actuator/prometheus").body();
		assertThat(scrape.lines())
			.anySatisfy((line) -> assertThat(line).startsWith("resilience_circuitbreaker_calls_seconds_count{")
				.contains("name=\"inventory\"", "outcome=\"failure\""));
		assertThat(scrape.lines()).anySatisfy((line) -> assertThat(line).startsWith("resilience_retry_calls_total{")
			.contains("name=\"inventory\"", "outcome=\"failure_with_retry\""));
	}

	@Test
	void showsAndChangesDownstreamBehaviour() throws Exception {
		HttpResponse<String> changed = setDownstream("{\"failureRate\": 0.25, \"latency\": \"PT0.005S\"}");
		assertThat(changed.statusCode()).isEqualTo(200);
		HttpResponse<String> shown = get("/api/downstream");
		assertThat(this.json.from(shown.body())).extractingJsonPathNumberValue("$.failureRate").isEqualTo(0.25);
		assertThat(this.json.from(shown.body())).extractingJsonPathStringValue("$.latency").isEqualTo("PT0.005S");
	}

	@Test
	void rejectsFailureRateAboveOne() throws Exception {
		HttpResponse<String> response = setDownstream("{\"failureRate\": 1.5}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("failureRate must be between 0 and 1, but was 1.5");
	}

	private String breakerState() throws Exception {
		return JsonPath.read(get("/actuator/resilience").body(), "$.circuitBreakers.inventory.state");
	}

	private long retryCounts() throws Exception {
		Map<String, Object> retry = JsonPath.read(get("/actuator/resilience").body(), "$.retries.inventory");
		return retry.values()
			.stream()
			.filter(Number.class::isInstance)
			.mapToLong((value) -> ((Number) value).longValue())
			.sum();
	}

	private HttpResponse<String> setDownstream(String settings) throws Exception {
		return send(request("/api/downstream").PUT(BodyPublishers.ofString(settings)));
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return send(request(path).GET());
	}

	private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
		return send(request(path).POST(BodyPublishers.ofString(body)));
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/json");
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.build(), BodyHandlers.ofString());
	}

}
