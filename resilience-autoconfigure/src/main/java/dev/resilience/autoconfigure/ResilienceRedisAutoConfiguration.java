package dev.resilience.autoconfigure;

import java.time.Duration;
import java.util.Objects;

import dev.resilience.ratelimiter.PermitStoreFactory;
import dev.resilience.ratelimiter.redis.RedisPermitStoreFactory;
import io.lettuce.core.RedisClient;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Auto-configuration of the Redis backend of the rate limiter: when Spring Data Redis and
 * Lettuce are on the classpath and the application has a {@link RedisConnectionFactory},
 * rate limiters with {@code backend: redis} keep their buckets in that Redis, shared by
 * every instance of the application. The connection is taken when the first such rate
 * limiter is created, so an application whose limiters are all local opens none.
 *
 * @author Resilience
 * @since 0.1.0
 */
@AutoConfiguration(before = ResilienceAutoConfiguration.class,
		afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnClass({ RedisConnectionFactory.class, RedisClient.class })
@ConditionalOnBooleanProperty(name = "resilience.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ResilienceProperties.class)
public final class ResilienceRedisAutoConfiguration {

	private static final String PREFIX = "resilience.rate-limiter.redis.";

	@Bean
	@ConditionalOnMissingBean(PermitStoreFactory.class)
	@ConditionalOnBean(RedisConnectionFactory.class)
	RedisPermitStoreFactory resilienceRedisPermitStoreFactory(RedisConnectionFactory connectionFactory,
			ResilienceProperties properties) {
		ResilienceProperties.RateLimiter.Redis redis = properties.getRateLimiter().getRedis();
		Duration commandTimeout = new Setting<>(PREFIX + "command-timeout",
				Objects.requireNonNullElse(redis.getCommandTimeout(), RedisPermitStoreFactory.DEFAULT_COMMAND_TIMEOUT))
			.within(RedisPermitStoreFactory.ALLOWED_COMMAND_TIMEOUT)
			.value();
		Duration probeInterval = new Setting<>(PREFIX + "probe-interval",
				Objects.requireNonNullElse(redis.getProbeInterval(), RedisPermitStoreFactory.DEFAULT_PROBE_INTERVAL))
			.within(RedisPermitStoreFactory.ALLOWED_PROBE_INTERVAL)
			.value();
		return new RedisPermitStoreFactory(connectionFactory, commandTimeout, probeInterval);
	}

}
