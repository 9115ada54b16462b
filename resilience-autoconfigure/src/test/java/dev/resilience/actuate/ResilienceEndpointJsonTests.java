package dev.resilience.actuate;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerConfig;
import dev.resilience.circuitbreaker.CircuitBreakerRegistry;
import dev.resilience.core.ErrorClassifier;
import dev.resilience.core.TimeSource;
import dev.resilience.retry.RetryRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.autoconfigure.endpoint.jackson.JacksonEndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.jackson.EndpointJsonMapper;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the JSON that {@link ResilienceEndpoint} answers, written by the actuator's
 * own mapper, which leaves out {@code null} values unless told otherwise.
 *
 * @author Resilience
 */
class ResilienceEndpointJsonTests {

	private static final JsonMapper MAPPER = endpointMapper();

	private final CircuitBreakerRegistry circuitBreakers = new CircuitBreakerRegistry(
			CircuitBreakerConfig.builder().minimumNumberOfCalls(2).failureRateThreshold(100).build(),
			Map.of("inventory", CircuitBreakerConfig.ofDefaults()), ErrorClassifier.defaults(), TimeSource.system());

	private final RetryRegistry retries = Retries.registry(Map.of());

	private final ResilienceEndpoint endpoint = new ResilienceEndpoint(
			List.of(new CircuitBreakerKind(this.circuitBreakers), new RetryKind(this.retries)));

	@Test
	void summaryWritesRatesThatCannotBeComputedAsNull() {
		String json = write(this.endpoint.resilience());
		assertThat(json).isEqualTo("{\"circuitBreakers\":{\"inventory\":{\"state\":\"CLOSED\",\"failureRate\":null,"
				+ "\"slowCallRate\":null,\"bufferedCalls\":0,\"failedCalls\":0,\"slowCalls\":0,"
				+ "\"successfulCalls\":0,\"notPermittedCalls\":0}},\"retries\":{},\"rateLimiters\":{},"
				+ "\"bulkheads\":{},\"timeLimiters\":{},\"sagas\":{}}");
	}

	@Test
	void summaryWritesComputedRatesAsPercentages() throws Throwable {
		CircuitBreaker orders = this.circuitBreakers.get("orders");
		orders.execute(null, (context) -> "ok");
		try {
			orders.execute(null, (context) -> {
				throw new IOException("Connection reset");
			});
		}
		catch (IOException ex) {
			// recorded as a failure
		}
		assertThat(write(this.endpoint.resilience())).contains("\"orders\":{\"state\":\"CLOSED\",\"failureRate\":50.0,"
				+ "\"slowCallRate\":0.0,\"bufferedCalls\":2,\"failedCalls\":1,");
	}

	@Test
	void detailWritesConfigurationAndEventsWithNullErrors() {
		this.circuitBreakers.get("inventory").transitionTo(CircuitBreaker.State.FORCED_OPEN);
		String json = write(this.endpoint.instance("circuit-breakers", "inventory"));
		assertThat(json)
			.startsWith("{\"name\":\"inventory\",\"state\":{\"state\":\"FORCED_OPEN\",\"failureRate\":null,")
			.contains("\"config\":{\"sliding-window-type\":\"count\",\"sliding-window-size\":100,")
			.contains("\"wait-duration-in-open-state\":\"PT1M\"")
			.contains("\"record-exceptions\":[]")
			.containsPattern("\"events\":\\[\\{\"timestamp\":\"[0-9TZ:.-]+\",\"type\":\"STATE_TRANSITION\","
					+ "\"message\":\"[^\"]+\",\"error\":null}]}$");
	}

	@Test
	void retryDetailWritesCountersAndConfiguration() {
		this.retries.get("inventory").onSuccess(1);
		assertThat(write(this.endpoint.instance("retries", "inventory"))).isEqualTo("{\"name\":\"inventory\","
				+ "\"state\":{\"successWithoutRetry\":1,\"successWithRetry\":0,\"failureWithRetry\":0,"
				+ "\"failureWithoutRetry\":0},\"config\":{\"max-attempts\":3,\"wait-duration\":\"PT0.5S\","
				+ "\"backoff\":\"exponential\",\"multiplier\":2.0,\"max-wait-duration\":\"PT30S\",\"jitter\":0.2,"
				+ "\"retry-exceptions\":[],\"ignore-exceptions\":[]},\"events\":[]}");
	}

	private static String write(Object value) {
		return MAPPER.writeValueAsString(value);
	}

	private static JsonMapper endpointMapper() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(
				JacksonEndpointAutoConfiguration.class)) {
			return context.getBean(EndpointJsonMapper.class).get();
		}
	}

}
