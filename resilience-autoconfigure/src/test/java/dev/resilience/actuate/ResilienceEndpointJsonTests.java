package dev.resilience.actuate;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import dev.resilience.bulkhead.BulkheadRegistry;
import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerConfig;
import dev.resilience.circuitbreaker.CircuitBreakerRegistry;
import dev.resilience.core.ErrorClassifier;
import dev.resilience.core.Scheduler;
import dev.resilience.core.Sleeper;
import dev.resilience.core.TimeSource;
import dev.resilience.ratelimiter.RateLimiter;
import dev.resilience.ratelimiter.RateLimiterConfig;
import dev.resilience.ratelimiter.RateLimiterRegistry;
import dev.resilience.retry.RetryRegistry;
import dev.resilience.testsupport.ManualTimeSource;
import dev.resilience.timelimiter.TimeLimiterRegistry;
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

	private final RateLimiterRegistry rateLimiters = new RateLimiterRegistry(RateLimiterConfig.ofDefaults(), Map.of(),
			new ManualTimeSource(), Sleeper.system(), Scheduler.commonPool());

	private final BulkheadRegistry bulkheads = BulkheadRegistry.ofDefaults();

	private final TimeLimiterRegistry timeLimiters = TimeLimiters.registry(Map.of());

	private final ResilienceEndpoint endpoint = new ResilienceEndpoint(
			List.of(new CircuitBreakerKind(this.circuitBreakers), new RetryKind(this.retries),
					new RateLimiterKind(this.rateLimiters), new BulkheadKind(this.bulkheads),
					new TimeLimiterKind(this.timeLimiters)));

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

	@Test
	void summaryWritesInstancesOfEveryPattern() {
		this.rateLimiters.get("search");
		this.bulkheads.get("reports");
		this.timeLimiters.get("pricing");
		assertThat(write(this.endpoint.resilience()))
			.contains("\"retries\":{},\"rateLimiters\":{\"search\":{\"availablePermits\":100,\"liveKeys\":0,"
					+ "\"permittedCalls\":0,\"rejectedCalls\":0,\"keyCapRejections\":0,\"backend\":\"local\"}},"
					+ "\"bulkheads\":{\"reports\":{\"activeCalls\":0,\"queuedCalls\":0,\"availableSlots\":25,"
					+ "\"permittedCalls\":0,\"rejectedCalls\":0,\"maxConcurrentCalls\":25}},"
					+ "\"timeLimiters\":{\"pricing\":{\"successfulCalls\":0,\"failedCalls\":0,"
					+ "\"timedOutCalls\":0}},\"sagas\":{}}");
	}

	@Test
	void rateLimiterDetailWritesStateConfigurationAndEvents() {
		RateLimiter search = this.rateLimiters.get("search");
		search.reserve(RateLimiter.DEFAULT_KEY, 0);
		search.reserve("alice", 0);
		assertThat(write(this.endpoint.instance("rate-limiters", "search"))).isEqualTo("{\"name\":\"search\","
				+ "\"state\":{\"availablePermits\":99,\"liveKeys\":1,\"permittedCalls\":2,\"rejectedCalls\":0,"
				+ "\"keyCapRejections\":0,\"backend\":\"local\"},\"config\":{\"algorithm\":\"token-bucket\","
				+ "\"limit\":100,\"period\":\"PT1S\",\"burst\":100,\"timeout\":\"PT0S\",\"max-keys\":100000,"
				+ "\"backend\":\"local\",\"redis-failure-mode\":\"local\"},\"events\":[]}");
	}

	@Test
	void bulkheadDetailWritesStateConfigurationAndEvents() {
		this.bulkheads.get("reports").tryAcquirePermission();
		assertThat(write(this.endpoint.instance("bulkheads", "reports"))).isEqualTo("{\"name\":\"reports\","
				+ "\"state\":{\"activeCalls\":1,\"queuedCalls\":0,\"availableSlots\":24,\"permittedCalls\":1,"
				+ "\"rejectedCalls\":0,\"maxConcurrentCalls\":25},\"config\":{\"max-concurrent-calls\":25,"
				+ "\"max-wait-duration\":\"PT0S\"},\"events\":[]}");
	}

	@Test
	void timeLimiterDetailWritesStateConfigurationAndEventsWithNullErrors() {
		this.timeLimiters.get("pricing").onSuccess();
		this.timeLimiters.get("pricing").onTimeout();
		assertThat(write(this.endpoint.instance("time-limiters", "pricing")))
			.startsWith("{\"name\":\"pricing\",\"state\":{\"successfulCalls\":1,\"failedCalls\":0,"
					+ "\"timedOutCalls\":1},\"config\":{\"timeout\":\"PT1S\",\"cancel-running\":true},")
			.containsPattern("\"events\":\\[\\{\"timestamp\":\"[0-9TZ:.-]+\",\"type\":\"TIMEOUT\","
					+ "\"message\":\"[^\"]+\",\"error\":null}]}$");
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
