package dev.resilience.autoconfigure;

import java.util.Map;

import dev.resilience.timelimiter.TimeLimiterConfig;

/**
 * Turns {@code resilience.time-limiter.*} into validated engine configurations.
 *
 * @author Resilience
 */
final class TimeLimiterConfigs {

	static final String PREFIX = "resilience.time-limiter";

	private TimeLimiterConfigs() {
	}

	static TimeLimiterConfig defaults(Instances<TimeLimiterProperties> settings) {
		return SettingsReader.defaults(PREFIX, settings, TimeLimiterConfigs::toConfig);
	}

	static Map<String, TimeLimiterConfig> instances(Instances<TimeLimiterProperties> settings) {
		return SettingsReader.instances(PREFIX, settings, TimeLimiterConfigs::toConfig);
	}

	private static TimeLimiterConfig toConfig(SettingsReader<TimeLimiterProperties> reader) {
		return TimeLimiterConfig.builder()
			.timeout(reader.get("timeout", TimeLimiterProperties::getTimeout, TimeLimiterConfig.DEFAULT_TIMEOUT)
				.within(TimeLimiterConfig.ALLOWED_TIMEOUT)
				.value())
			.cancelRunning(reader
				.get("cancel-running", TimeLimiterProperties::getCancelRunning,
						TimeLimiterConfig.DEFAULT_CANCEL_RUNNING)
				.value())
			.build();
	}

}
