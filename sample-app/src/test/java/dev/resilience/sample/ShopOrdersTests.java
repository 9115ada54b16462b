package dev.resilience.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Places orders over real HTTP and follows their sagas on the actuator endpoint and in
 * the saga log tables.
 *
 * @author Resilience
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ShopOrdersTests {

	private static final String ORDER = "{\"sku\": \"apple\", \"quantity\": 2, \"amountCents\": 1999}";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@AfterEach
	void partnersBehave() throws Exception {
		send(request("/api/orders/simulation").PUT(BodyPublishers.ofString("{\"failStep\": \"none\"}")));
	}

	@Test
	void placesAnOrderThroughThreeLoggedSteps() throws Exception {
		HttpResponse<String> placed = post("/api/orders", ORDER);
		assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
		String sagaId = JsonPath.read(placed.body(), "$.sagaId");
		assertThat(placed.headers().firstValue("Location")).hasValue("/actuator/resilience/sagas/" + sagaId);
		HttpResponse<String> saga = get("/actuator/resilience/sagas/" + sagaId);
		assertThat(saga.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(saga.body(), "$.state")).isEqualTo("COMPLETED");
		assertThat((List<String>) JsonPath.read(saga.body(), "$.steps[*].name")).containsExactly("reserve", "charge",
				"ship");
		assertThat(this.jdbc.sql("SELECT state FROM RESILIENCE_SAGA WHERE id = ?")
			.param(sagaId)
			.query(String.class)
			.single()).isEqualTo("COMPLETED");
	}

	@Test
	void orderWhosePaymentFailsReleasesItsStockAndShowsTheCompensation() throws Exception {
		send(request("/api/orders/simulation").PUT(BodyPublishers.ofString("{\"failStep\": \"charge\"}")));
		HttpResponse<String> failed = post("/api/orders", ORDER);
		assertThat(failed.statusCode()).as(failed.body()).isEqualTo(502);
		assertThat(failed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		String sagaId = JsonPath.read(failed.body(), "$.sagaId");
		HttpResponse<String> saga = get("/actuator/resilience/sagas/" + sagaId);
		assertThat((String) JsonPath.read(saga.body(), "$.state")).isEqualTo("COMPENSATED");
		assertThat((List<String>) JsonPath.read(saga.body(), "$.steps[*].name")).containsExactly("reserve", "charge");
		assertThat((List<String>) JsonPath.read(saga.body(), "$.steps[*].state")).containsExactly("COMPENSATED",
				"FAILED");
		assertThat((String) JsonPath.read(saga.body(), "$.cause")).contains("Charging 1999 cents refused");
		HttpResponse<String> summary = get("/actuator/resilience");
		assertThat((Integer) JsonPath.read(summary.body(), "$.sagas.place-order.compensated")).isPositive();
	}

	@Test
	void refusesAnUnknownFailingStep() throws Exception {
		HttpResponse<String> response = send(
				request("/api/orders/simulation").PUT(BodyPublishers.ofString("{\"failStep\": \"pack\"}")));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("failStep must be one of");
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
