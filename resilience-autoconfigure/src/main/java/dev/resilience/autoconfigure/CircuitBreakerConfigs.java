package dev.resilience.autoconfigure;

import java.util.List;
import java.util.Map;

import dev.resilience.circuitbreaker.CircuitBreakerConfig;
import org.jspecify.annotations.Nullable;

/**
 * Turns {@code resilience.circuit-breaker.*} into validated engine configurations.
 *
 * @author Resilience
 */
final class CircuitBreakerConfigs {

	static final String PREFIX = "resilience.circuit-breaker";

	private CircuitBreakerConfigs() {
	}

	static CircuitBreakerConfig defaults(Instances<CircuitBreakerProperties> settings,
			@Nullable ClassLoader classLoader) {
		return SettingsReader.defaults(PREFIX, settings, (reader) -> toConfig(reader, classLoader));
	}

	static Map<String, CircuitBreakerConfig> instances(Instances<CircuitBreakerProperties> settings,
			@Nullable ClassLoader classLoader) {
		return SettingsReader.instances(PREFIX, settings, (reader) -> toConfig(reader, classLoader));
	}

	private static CircuitBreakerConfig toConfig(SettingsReader<CircuitBreakerProperties> reader,
			@Nullable ClassLoader classLoader) {
		return CircuitBreakerConfig.builder()
			.slidingWindowType(reader
				.get("sliding-window-type", CircuitBreakerProperties::getSlidingWindowType,
						CircuitBreakerConfig.DEFAULT_SLIDING_WINDOW_TYPE)
				.value())
			.slidingWindowSize(reader
				.get("sliding-window-size", CircuitBreakerProperties::getSlidingWindowSize,
						CircuitBreakerConfig.DEFAULT_SLIDING_WINDOW_SIZE)
				.within(CircuitBreakerConfig.ALLOWED_SLIDING_WINDOW_SIZE)
				.value())
			.minimumNumberOfCalls(reader
				.get("minimum-number-of-calls", CircuitBreakerProperties::getMinimumNumberOfCalls,
						CircuitBreakerConfig.DEFAULT_MINIMUM_NUMBER_OF_CALLS)
				.within(CircuitBreakerConfig.ALLOWED_MINIMUM_NUMBER_OF_CALLS)
				.value())
			.failureRateThreshold(reader
				.get("failure-rate-threshold", CircuitBreakerProperties::getFailureRateThreshold,
						CircuitBreakerConfig.DEFAULT_FAILURE_RATE_THRESHOLD)
				.within(CircuitBreakerConfig.ALLOWED_FAILURE_RATE_THRESHOLD)
				.value())
			.slowCallDurationThreshold(reader
				.get("slow-call-duration-threshold", CircuitBreakerProperties::getSlowCallDurationThreshold,
						CircuitBreakerConfig.DEFAULT_SLOW_CALL_DURATION_THRESHOLD)
				.within(CircuitBreakerConfig.ALLOWED_SLOW_CALL_DURATION_THRESHOLD)
				.value())
			.slowCallRateThreshold(reader
				.get("slow-call-rate-threshold", CircuitBreakerProperties::getSlowCallRateThreshold,
						CircuitBreakerConfig.DEFAULT_SLOW_CALL_RATE_THRESHOLD)
				.within(CircuitBreakerConfig.ALLOWED_SLOW_CALL_RATE_THRESHOLD)
				.value())
			.waitDurationInOpenState(reader
				.get("wait-duration-in-open-state", CircuitBreakerProperties::getWaitDurationInOpenState,
						CircuitBreakerConfig.DEFAULT_WAIT_DURATION_IN_OPEN_STATE)
				.within(CircuitBreakerConfig.ALLOWED_WAIT_DURATION_IN_OPEN_STATE)
				.value())
			.permittedCallsInHalfOpenState(reader
				.get("permitted-calls-in-half-open-state", CircuitBreakerProperties::getPermittedCallsInHalfOpenState,
						CircuitBreakerConfig.DEFAULT_PERMITTED_CALLS_IN_HALF_OPEN_STATE)
				.within(CircuitBreakerConfig.ALLOWED_PERMITTED_CALLS_IN_HALF_OPEN_STATE)
				.value())
			.recordExceptions(Setting.exceptionTypes(
					reader.get("record-exceptions", CircuitBreakerProperties::getRecordExceptions, List.of()),
					classLoader))
			.ignoreExceptions(Setting.exceptionTypes(
					reader.get("ignore-exceptions", CircuitBreakerProperties::getIgnoreExceptions, List.of()),
					classLoader))
			.healthAffectsStatus(reader
				.get("health-affects-status", CircuitBreakerProperties::getHealthAffectsStatus,
						CircuitBreakerConfig.DEFAULT_HEALTH_AFFECTS_STATUS)
				.value())
			.build();
	}

}
