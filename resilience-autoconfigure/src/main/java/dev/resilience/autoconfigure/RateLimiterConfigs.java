package dev.resilience.autoconfigure;

import java.util.Map;

import dev.resilience.ratelimiter.RateLimiterConfig;

/**
 * Turns {@code resilience.rate-limiter.*} into validated engine configurations.
 *
 * @author Resilience
 */
final class RateLimiterConfigs {

	static final String PREFIX = "resilience.rate-limiter";

	private RateLimiterConfigs() {
	}

	static RateLimiterConfig defaults(Instances<RateLimiterProperties> settings) {
		return SettingsReader.defaults(PREFIX, settings, RateLimiterConfigs::toConfig);
	}

	static Map<String, RateLimiterConfig> instances(Instances<RateLimiterProperties> settings) {
		return SettingsReader.instances(PREFIX, settings, RateLimiterConfigs::toConfig);
	}

	private static RateLimiterConfig toConfig(SettingsReader<RateLimiterProperties> reader) {
		return RateLimiterConfig.builder()
			.algorithm(reader.get("algorithm", RateLimiterProperties::getAlgorithm, RateLimiterConfig.DEFAULT_ALGORITHM)
				.value())
			.limit(reader.get("limit", RateLimiterProperties::getLimit, RateLimiterConfig.DEFAULT_LIMIT)
				.atLeast(1)
				.value())
			.period(reader.get("period", RateLimiterProperties::getPeriod, RateLimiterConfig.DEFAULT_PERIOD)
				.positive()
				.value())
			.burst(reader.get("burst", RateLimiterProperties::getBurst, RateLimiterConfig.DEFAULT_BURST)
				.atLeast(1)
				.value())
			.timeout(reader.get("timeout", RateLimiterProperties::getTimeout, RateLimiterConfig.DEFAULT_TIMEOUT)
				.notNegative()
				.value())
			.maxKeys(reader.get("max-keys", RateLimiterProperties::getMaxKeys, RateLimiterConfig.DEFAULT_MAX_KEYS)
				.atLeast(1)
				.value())
			.build();
	}

}
