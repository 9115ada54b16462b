package dev.resilience.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.resilience.ratelimiter.RateLimiterAlgorithm;
import dev.resilience.ratelimiter.RateLimiterBackend;
import dev.resilience.ratelimiter.RateLimiterConfig;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

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

	/**
	 * Fail if any rate limiter, or the defaults, asks for the Redis backend, for an
	 * application that has none.
	 * @param settings the rate-limiter settings
	 * @throws InvalidConfigurationPropertyValueException naming the first property that
	 * asks for it
	 */
	static void requireNoRedisBackend(Instances<RateLimiterProperties> settings) {
		List<Setting<RateLimiterBackend>> backends = new ArrayList<>(
				SettingsReader.instances(PREFIX, settings, RateLimiterConfigs::backend).values());
		backends.add(SettingsReader.defaults(PREFIX, settings, RateLimiterConfigs::backend));
		for (Setting<RateLimiterBackend> backend : backends) {
			if (backend.value() == RateLimiterBackend.REDIS) {
				throw new InvalidConfigurationPropertyValueException(backend.property(), "redis",
						"requires Spring Data Redis with Lettuce on the classpath and a RedisConnectionFactory bean");
			}
		}
	}

	private static Setting<RateLimiterBackend> backend(SettingsReader<RateLimiterProperties> reader) {
		return reader.get("backend", RateLimiterProperties::getBackend, RateLimiterConfig.DEFAULT_BACKEND);
	}

	private static RateLimiterConfig toConfig(SettingsReader<RateLimiterProperties> reader) {
		Setting<RateLimiterAlgorithm> algorithm = reader.get("algorithm", RateLimiterProperties::getAlgorithm,
				RateLimiterConfig.DEFAULT_ALGORITHM);
		Setting<RateLimiterBackend> backend = backend(reader);
		if (backend.value() == RateLimiterBackend.REDIS && algorithm.value() != RateLimiterAlgorithm.TOKEN_BUCKET) {
			throw new InvalidConfigurationPropertyValueException(backend.property(), "redis",
					"requires the token-bucket algorithm, but " + algorithm.property() + " is sliding-window");
		}
		return RateLimiterConfig.builder()
			.algorithm(algorithm.value())
			.limit(reader.get("limit", RateLimiterProperties::getLimit, RateLimiterConfig.DEFAULT_LIMIT)
				.within(RateLimiterConfig.ALLOWED_LIMIT)
				.value())
			.period(reader.get("period", RateLimiterProperties::getPeriod, RateLimiterConfig.DEFAULT_PERIOD)
				.within(RateLimiterConfig.ALLOWED_PERIOD)
				.value())
			.burst(reader.get("burst", RateLimiterProperties::getBurst, RateLimiterConfig.DEFAULT_BURST)
				.within(RateLimiterConfig.ALLOWED_BURST)
				.value())
			.timeout(reader.get("timeout", RateLimiterProperties::getTimeout, RateLimiterConfig.DEFAULT_TIMEOUT)
				.within(RateLimiterConfig.ALLOWED_TIMEOUT)
				.value())
			.maxKeys(reader.get("max-keys", RateLimiterProperties::getMaxKeys, RateLimiterConfig.DEFAULT_MAX_KEYS)
				.within(RateLimiterConfig.ALLOWED_MAX_KEYS)
				.value())
			.backend(backend.value())
			.redisFailureMode(reader
				.get("redis-failure-mode", RateLimiterProperties::getRedisFailureMode,
						RateLimiterConfig.DEFAULT_REDIS_FAILURE_MODE)
				.value())
			.build();
	}

}
