package dev.resilience.autoconfigure;

import java.util.List;
import java.util.Map;

import dev.resilience.retry.RetryConfig;
import org.jspecify.annotations.Nullable;

/**
 * Turns {@code resilience.retry.*} into validated engine configurations.
 *
 * @author Resilience
 */
final class RetryConfigs {

	static final String PREFIX = "resilience.retry";

	private RetryConfigs() {
	}

	static RetryConfig defaults(Instances<RetryProperties> settings, @Nullable ClassLoader classLoader) {
		return SettingsReader.defaults(PREFIX, settings, (reader) -> toConfig(reader, classLoader));
	}

	static Map<String, RetryConfig> instances(Instances<RetryProperties> settings, @Nullable ClassLoader classLoader) {
		return SettingsReader.instances(PREFIX, settings, (reader) -> toConfig(reader, classLoader));
	}

	private static RetryConfig toConfig(SettingsReader<RetryProperties> reader, @Nullable ClassLoader classLoader) {
		return RetryConfig.builder()
			.maxAttempts(reader.get("max-attempts", RetryProperties::getMaxAttempts, RetryConfig.DEFAULT_MAX_ATTEMPTS)
				.within(RetryConfig.ALLOWED_MAX_ATTEMPTS)
				.value())
			.waitDuration(
					reader.get("wait-duration", RetryProperties::getWaitDuration, RetryConfig.DEFAULT_WAIT_DURATION)
						.within(RetryConfig.ALLOWED_WAIT_DURATION)
						.value())
			.backoff(reader.get("backoff", RetryProperties::getBackoff, RetryConfig.DEFAULT_BACKOFF).value())
			.multiplier(reader.get("multiplier", RetryProperties::getMultiplier, RetryConfig.DEFAULT_MULTIPLIER)
				.within(RetryConfig.ALLOWED_MULTIPLIER)
				.value())
			.maxWaitDuration(reader
				.get("max-wait-duration", RetryProperties::getMaxWaitDuration, RetryConfig.DEFAULT_MAX_WAIT_DURATION)
				.within(RetryConfig.ALLOWED_MAX_WAIT_DURATION)
				.value())
			.jitter(reader.get("jitter", RetryProperties::getJitter, RetryConfig.DEFAULT_JITTER)
				.within(RetryConfig.ALLOWED_JITTER)
				.value())
			.retryExceptions(Setting.exceptionTypes(
					reader.get("retry-exceptions", RetryProperties::getRetryExceptions, List.of()), classLoader))
			.ignoreExceptions(Setting.exceptionTypes(
					reader.get("ignore-exceptions", RetryProperties::getIgnoreExceptions, List.of()), classLoader))
			.build();
	}

}
