package dev.resilience.actuate;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerConfig;
import dev.resilience.circuitbreaker.CircuitBreakerMetrics;
import dev.resilience.circuitbreaker.CircuitBreakerRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Circuit breakers on the {@link ResilienceEndpoint}, under {@code circuit-breakers}. An
 * operator may move a breaker to {@code CLOSED}, {@code OPEN}, {@code FORCED_OPEN} or
 * {@code DISABLED} by posting {@code {"state": "..."}} (the state's case does not
 * matter); {@code HALF_OPEN} is only ever reached by the breaker itself.
 *
 * @author Resilience
 * @since 0.1.0
 */
public class CircuitBreakerKind implements ResilienceKind {

	private static final Set<CircuitBreaker.State> WRITABLE_STATES = EnumSet.of(CircuitBreaker.State.CLOSED,
			CircuitBreaker.State.OPEN, CircuitBreaker.State.FORCED_OPEN, CircuitBreaker.State.DISABLED);

	private final CircuitBreakerRegistry registry;

	/**
	 * Create a kind showing the circuit breakers of the given registry.
	 * @param registry the registry
	 */
	public CircuitBreakerKind(CircuitBreakerRegistry registry) {
		this.registry = registry;
	}

	@Override
	public String path() {
		return "circuit-breakers";
	}

	@Override
	public String key() {
		return "circuitBreakers";
	}

	@Override
	public Map<String, Object> summaries() {
		Map<String, Object> summaries = new LinkedHashMap<>();
		for (CircuitBreaker circuitBreaker : this.registry.all()) {
			summaries.put(circuitBreaker.name(), Summary.of(circuitBreaker));
		}
		return summaries;
	}

	@Override
	public @Nullable InstanceDescription describe(String name) {
		return this.registry.find(name)
			.map((circuitBreaker) -> InstanceDescription.of(circuitBreaker.name(), Summary.of(circuitBreaker),
					config(circuitBreaker.config()), circuitBreaker.events()))
			.orElse(null);
	}

	@Override
	public WriteResult write(String name, Map<String, Object> body) {
		CircuitBreaker circuitBreaker = this.registry.find(name).orElse(null);
		if (circuitBreaker == null) {
			return WriteResult.notFound("No circuit breaker named '" + name + "'");
		}
		CircuitBreaker.State state = writableState(body.get("state"));
		if (state == null) {
			return WriteResult.badRequest("state must be one of " + WRITABLE_STATES + ", but was " + body.get("state"));
		}
		circuitBreaker.transitionTo(state);
		return WriteResult.ok(Summary.of(circuitBreaker));
	}

	private static CircuitBreaker.@Nullable State writableState(@Nullable Object requested) {
		if (!(requested instanceof String name)) {
			return null;
		}
		String upperCase = name.trim().toUpperCase(Locale.ROOT);
		return Arrays.stream(CircuitBreaker.State.values())
			.filter((state) -> state.name().equals(upperCase) && WRITABLE_STATES.contains(state))
			.findFirst()
			.orElse(null);
	}

	private static Map<String, Object> config(CircuitBreakerConfig config) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("sliding-window-type", ConfigValues.enumValue(config.slidingWindowType()));
		values.put("sliding-window-size", config.slidingWindowSize());
		values.put("minimum-number-of-calls", config.minimumNumberOfCalls());
		values.put("failure-rate-threshold", config.failureRateThreshold());
		values.put("slow-call-duration-threshold", ConfigValues.duration(config.slowCallDurationThreshold()));
		values.put("slow-call-rate-threshold", config.slowCallRateThreshold());
		values.put("wait-duration-in-open-state", ConfigValues.duration(config.waitDurationInOpenState()));
		values.put("permitted-calls-in-half-open-state", config.permittedCallsInHalfOpenState());
		values.put("record-exceptions", ConfigValues.exceptions(config.recordExceptions()));
		values.put("ignore-exceptions", ConfigValues.exceptions(config.ignoreExceptions()));
		values.put("health-affects-status", config.healthAffectsStatus());
		return values;
	}

	/**
	 * Live state and counters of a circuit breaker.
	 *
	 * @param state the current state, such as {@code CLOSED}
	 * @param failureRate percentage of failed calls in the window, or {@code null} while
	 * too few calls were made to compute it
	 * @param slowCallRate percentage of slow calls in the window, or {@code null} while
	 * too few calls were made to compute it
	 * @param bufferedCalls calls in the window
	 * @param failedCalls failed calls in the window
	 * @param slowCalls slow calls in the window
	 * @param successfulCalls successful calls in the window
	 * @param notPermittedCalls calls rejected since the breaker was created
	 */
	@JsonInclude(Include.ALWAYS)
	public record Summary(String state, @Nullable Float failureRate, @Nullable Float slowCallRate, int bufferedCalls,
			int failedCalls, int slowCalls, int successfulCalls, long notPermittedCalls) {

		static Summary of(CircuitBreaker circuitBreaker) {
			CircuitBreakerMetrics metrics = circuitBreaker.metrics();
			return new Summary(circuitBreaker.state().name(), rate(metrics.failureRate()), rate(metrics.slowCallRate()),
					metrics.bufferedCalls(), metrics.failedCalls(), metrics.slowCalls(), metrics.successfulCalls(),
					metrics.notPermittedCalls());
		}

		private static @Nullable Float rate(float rate) {
			return (rate < 0) ? null : rate;
		}

	}

}
