package dev.resilience.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import com.jayway.jsonpath.JsonPath;
import dev.resilience.timelimiter.TimeLimitExceededException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.json.BasicJsonTester;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Drives the shop's rate-limited search, bulkheaded reports and time-limited quotes over
 * real HTTP.
 *
 * @author Resilience
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ShopLimitsTests {

	private static final String PROBLEM_JSON = "application/problem+json";

	// HTTP/1.1, so that parallel requests travel on connections of their own
	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final BasicJsonTester json = new BasicJsonTester(getClass());

	@LocalServerPort
	private int port;

	@BeforeEach
	void fastPricingAndIdleReports() throws Exception {
		HttpResponse<String> pricing = setPricing("{\"latency\": \"PT0S\"}");
		assertThat(pricing.statusCode()).as(pricing.body()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(endpointValue("$.bulkheads.reports.activeCalls")).isEqualTo(0));
	}

	@Test
	void rejectsSixthQuickSearchOfOneUserWithTooManyRequests() throws Exception {
		String user = "alice-" + UUID.randomUUID();
		for (int i = 1; i <= 5; i++) {
			HttpResponse<String> search = search(user, "ap");
			assertThat(search.statusCode()).as("search %d", i).isEqualTo(200);
			assertThat(this.json.from(search.body())).extractingJsonPathArrayValue("$.hits")
				.containsExactly("apple", "apricot", "grape");
		}
		HttpResponse<String> rejected = search(user, "ap");
		assertThat(rejected.statusCode()).isEqualTo(429);
		assertThat(rejected.headers().firstValue("Content-Type")).hasValue(PROBLEM_JSON);
		// one permit every 2 seconds, rounded up to whole seconds
		assertThat(rejected.headers().firstValue("Retry-After"))
			.hasValueSatisfying((seconds) -> assertThat(Long.parseLong(seconds)).isBetween(1L, 2L));
		assertThat(this.json.from(rejected.body())).extractingJsonPathNumberValue("$.status").isEqualTo(429);
		assertThat(this.json.from(rejected.body())).extractingJsonPathStringValue("$.resilienceInstance")
			.isEqualTo("search");
	}

	@Test
	void keepsSearchingForOtherUsersWhileOneIsLimited() throws Exception {
		String limited = "alice-" + UUID.randomUUID();
		for (int i = 1; i <= 6; i++) {
			search(limited, "berry");
		}
		assertThat(search(limited, "berry").statusCode()).isEqualTo(429);
		HttpResponse<String> other = search("bob-" + UUID.randomUUID(), "berry");
		assertThat(other.statusCode()).isEqualTo(200);
		assertThat(this.json.from(other.body())).extractingJsonPathArrayValue("$.hits")
			.containsExactly("blackberry", "raspberry", "strawberry");
	}

	@Test
	void turnsAwayReportsBeyondTwoAtOnceWithServiceUnavailable() {
		List<CompletableFuture<HttpResponse<String>>> calls = IntStream.rangeClosed(1, 3)
			.mapToObj((i) -> this.http.sendAsync(request("/api/reports/r" + i).GET().build(), BodyHandlers.ofString()))
			.toList();
		List<HttpResponse<String>> responses = calls.stream().map(CompletableFuture::join).toList();
		assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(200, 503).contains(200, 503);
		assertThat(responses).filteredOn((response) -> response.statusCode() == 200)
			.hasSizeLessThanOrEqualTo(2)
			.allSatisfy((report) -> assertThat(this.json.from(report.body())).extractingJsonPathStringValue("$.title")
				.startsWith("Sales report r"));
		assertThat(responses).filteredOn((response) -> response.statusCode() == 503).allSatisfy((rejected) -> {
			assertThat(rejected.headers().firstValue("Content-Type")).hasValue(PROBLEM_JSON);
			assertThat(this.json.from(rejected.body())).extractingJsonPathStringValue("$.resilienceInstance")
				.isEqualTo("reports");
			assertThat(this.json.from(rejected.body())).extractingJsonPathStringValue("$.detail")
				.isEqualTo("Bulkhead 'reports' is full: all 2 slots are in use");
		});
	}

	@Test
	void answersStaleQuoteWithinTimeoutWhenPricingIsSlow() throws Exception {
		HttpResponse<String> live = get("/api/quotes/ACME");
		assertThat(this.json.from(live.body())).extractingJsonPathStringValue("$.source").isEqualTo("live");
		Number livePrice = JsonPath.read(live.body(), "$.price");
		setPricing("{\"latency\": \"PT2S\"}");
		long started = System.nanoTime();
		HttpResponse<String> stale = get("/api/quotes/ACME");
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		assertThat(stale.statusCode()).isEqualTo(200);
		assertThat(this.json.from(stale.body())).extractingJsonPathStringValue("$.source").isEqualTo("stale");
		assertThat(this.json.from(stale.body())).extractingJsonPathNumberValue("$.price").isEqualTo(livePrice);
		assertThat(this.json.from(stale.body())).extractingJsonPathStringValue("$.cause")
			.isEqualTo(TimeLimitExceededException.class.getName());
		// the timeout is 500ms; without the time limiter the answer would take 2s
		assertThat(took).isLessThan(Duration.ofMillis(1500));
	}

	@Test
	void answersUnknownQuoteWhenPricingIsSlowForNewSymbol() throws Exception {
		setPricing("{\"latency\": \"PT2S\"}");
		HttpResponse<String> stale = get("/api/quotes/NEW" + UUID.randomUUID());
		assertThat(stale.statusCode()).isEqualTo(200);
		assertThat(this.json.from(stale.body())).extractingJsonPathStringValue("$.source").isEqualTo("stale");
		assertThat(this.json.from(stale.body())).extractingJsonPathValue("$.price").isNull();
	}

	@Test
	void rejectsNegativePricingLatency() throws Exception {
		HttpResponse<String> response = setPricing("{\"latency\": \"PT-1S\"}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("latency must not be negative, but was PT-1S");
		assertThat(this.json.from(get("/api/pricing").body())).extractingJsonPathStringValue("$.latency")
			.isEqualTo("PT0S");
	}

	@Test
	void showsConfiguredLimitsOnTheEndpoint() throws Exception {
		String summary = get("/actuator/resilience").body();
		assertThat(this.json.from(summary)).extractingJsonPathMapValue("$.rateLimiters.search")
			.containsKeys("availablePermits", "liveKeys", "permittedCalls", "rejectedCalls", "keyCapRejections");
		assertThat(this.json.from(summary)).extractingJsonPathMapValue("$.bulkheads.reports")
			.containsEntry("maxConcurrentCalls", 2)
			.containsKeys("activeCalls", "queuedCalls", "availableSlots", "permittedCalls", "rejectedCalls");
		assertThat(this.json.from(summary)).extractingJsonPathMapValue("$.timeLimiters.quotes")
			.containsKeys("successfulCalls", "failedCalls", "timedOutCalls");
		assertThat(this.json.from(get("/actuator/resilience/rate-limiters/search").body()))
			.extractingJsonPathMapValue("$.config")
			.containsEntry("algorithm", "token-bucket")
			.containsEntry("limit", 5)
			.containsEntry("period", "PT10S")
			.containsEntry("burst", 5);
		assertThat(this.json.from(get("/actuator/resilience/bulkheads/reports").body()))
			.extractingJsonPathMapValue("$.config")
			.containsEntry("max-concurrent-calls", 2)
			.containsEntry("max-wait-duration", "PT0S");
		assertThat(this.json.from(get("/actuator/resilience/time-limiters/quotes").body()))
			.extractingJsonPathMapValue("$.config")
			.containsEntry("timeout", "PT0.5S")
			.containsEntry("cancel-running", true);
	}

	@Test
	void countsRejectionsAndTimeoutsInPrometheus() throws Exception {
		String user = "carol-" + UUID.randomUUID();
		for (int i = 1; i <= 6; i++) {
			search(user, "fig");
		}
		setPricing("{\"latency\": \"PT2S\"}");
		get("/api/quotes/SLOW");
		List<String> scrape = get("/actuator/prometheus").body().lines().toList();
		assertThat(scrape).anySatisfy((line) -> assertThat(line).startsWith("resilience_ratelimiter_calls_total{")
			.contains("name=\"search\"", "outcome=\"rejected\"")
			.doesNotEndWith(" 0.0"));
		assertThat(scrape).anySatisfy((line) -> assertThat(line).startsWith("resilience_timelimiter_calls_total{")
			.contains("name=\"quotes\"", "outcome=\"timeout\"")
			.doesNotEndWith(" 0.0"));
		assertThat(scrape).anySatisfy((line) -> assertThat(line).startsWith("resilience_bulkhead_calls_total{")
			.contains("name=\"reports\"", "outcome=\"rejected\""));
		assertThat(scrape).anySatisfy((line) -> assertThat(line).startsWith("resilience_bulkhead_active_calls{")
			.contains("name=\"reports\""));
		assertThat(scrape).anySatisfy((line) -> assertThat(line).startsWith("resilience_bulkhead_queued_calls{")
			.contains("name=\"reports\""));
	}

	private Object endpointValue(String path) throws Exception {
		return JsonPath.read(get("/actuator/resilience").body(), path);
	}

	private HttpResponse<String> search(String user, String query) throws IOException, InterruptedException {
		return send(request("/api/search?q=" + query).header("X-User-Id", user).GET());
	}

	private HttpResponse<String> setPricing(String settings) throws IOException, InterruptedException {
		return send(request("/api/pricing").PUT(BodyPublishers.ofString(settings)));
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return send(request(path).GET());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/json");
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.build(), BodyHandlers.ofString());
	}

}
