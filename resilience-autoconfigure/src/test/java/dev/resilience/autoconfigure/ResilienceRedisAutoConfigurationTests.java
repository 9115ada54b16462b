package dev.resilience.autoconfigure;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import dev.resilience.ratelimiter.PermitStoreFactory;
import dev.resilience.ratelimiter.RateLimiter;
import dev.resilience.ratelimiter.RateLimiterBackend;
import dev.resilience.ratelimiter.RateLimiterRegistry;
import dev.resilience.ratelimiter.RedisFailureMode;
import dev.resilience.ratelimiter.redis.RedisPermitStoreFactory;
import dev.resilience.ratelimiter.redis.TestRedisServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisSentinelConnection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ResilienceRedisAutoConfiguration}.
 *
 * @author Resilience
 */
class ResilienceRedisAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(ResilienceRedisAutoConfiguration.class, ResilienceAutoConfiguration.class))
		.withUserConfiguration(TestRedisServer.Connection.class)
		.withPropertyValues("test.redis.port=" + TestRedisServer.shared().port());

	@Test
	void definesTheRedisBackendWithDefaultTimeouts() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(RedisPermitStoreFactory.class);
			RedisPermitStoreFactory stores = context.getBean(RedisPermitStoreFactory.class);
			assertThat(stores.getCommandTimeout()).isEqualTo(Duration.ofMillis(50));
			assertThat(stores.getProbeInterval()).isEqualTo(Duration.ofSeconds(1));
		});
	}

	@Test
	void bindsTimeoutsOfTheRedisBackend() {
		this.runner
			.withPropertyValues("resilience.rate-limiter.redis.command-timeout=20ms",
					"resilience.rate-limiter.redis.probe-interval=3s")
			.run((context) -> {
				RedisPermitStoreFactory stores = context.getBean(RedisPermitStoreFactory.class);
				assertThat(stores.getCommandTimeout()).isEqualTo(Duration.ofMillis(20));
				assertThat(stores.getProbeInterval()).isEqualTo(Duration.ofSeconds(3));
			});
	}

	@Test
	void redisBackedInstanceKeepsItsBucketsInRedis() {
		this.runner
			.withPropertyValues("resilience.rate-limiter.instances.autoconfigured.backend=redis",
					"resilience.rate-limiter.instances.autoconfigured.redis-failure-mode=deny",
					"resilience.rate-limiter.instances.autoconfigured.period=1m")
			.run((context) -> {
				RateLimiterRegistry registry = context.getBean(RateLimiterRegistry.class);
				RateLimiter limiter = registry.get("autoconfigured");
				assertThat(limiter.isRemote()).isTrue();
				assertThat(limiter.config().backend()).isEqualTo(RateLimiterBackend.REDIS);
				assertThat(limiter.config().redisFailureMode()).isEqualTo(RedisFailureMode.DENY);
				assertThat(limiter.reserve(RateLimiter.DEFAULT_KEY, 0)).isZero();
				assertThat(TestRedisServer.shared().admin().exists("resilience:rl:{autoconfigured}")).isOne();
				assertThat(registry.get("local").isRemote()).isFalse();
			});
	}

	@Test
	void defaultsMayChooseRedisForEveryInstance() {
		this.runner.withPropertyValues("resilience.rate-limiter.defaults.backend=redis").run((context) -> {
			RateLimiterRegistry registry = context.getBean(RateLimiterRegistry.class);
			assertThat(registry.get("any").isRemote()).isTrue();
		});
	}

	@Test
	void applicationWithOnlyLocalLimitersOpensNoRedisConnection() {
		NotLettuce connectionFactory = new NotLettuce();
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(ResilienceRedisAutoConfiguration.class, ResilienceAutoConfiguration.class))
			.withBean(RedisConnectionFactory.class, () -> connectionFactory)
			.withPropertyValues("resilience.rate-limiter.instances.search.limit=5")
			.run((context) -> {
				assertThat(context).hasSingleBean(RedisPermitStoreFactory.class);
				assertThat(context.getBean(RateLimiterRegistry.class).get("search").isRemote()).isFalse();
			});
		assertThat(connectionFactory.connections).hasValue(0);
	}

	@Test
	void failsToStartWhenRedisIsAskedForWithoutConnectionFactory() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(ResilienceRedisAutoConfiguration.class, ResilienceAutoConfiguration.class))
			.withPropertyValues("resilience.rate-limiter.instances.search.backend=redis")
			.run((context) -> assertInvalid(context.getStartupFailure(),
					"resilience.rate-limiter.instances.search.backend", "RedisConnectionFactory bean"));
	}

	@Test
	void failsToStartWhenRedisIsAskedForWithoutSpringDataRedis() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(ResilienceRedisAutoConfiguration.class, ResilienceAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("org.springframework.data.redis"))
			.withPropertyValues("resilience.rate-limiter.defaults.backend=redis")
			.run((context) -> assertInvalid(context.getStartupFailure(), "resilience.rate-limiter.defaults.backend",
					"requires Spring Data Redis"));
	}

	@Test
	void failsToStartWhenInheritedRedisBackendHasNoConnectionFactory() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ResilienceAutoConfiguration.class))
			.withPropertyValues("resilience.rate-limiter.defaults.backend=redis",
					"resilience.rate-limiter.instances.search.limit=5")
			.run((context) -> assertInvalid(context.getStartupFailure(), "resilience.rate-limiter.defaults.backend",
					"RedisConnectionFactory"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					resilience.rate-limiter.instances.search.algorithm=sliding-window | resilience.rate-limiter.instances.search.backend | token-bucket
					resilience.rate-limiter.defaults.algorithm=sliding-window         | resilience.rate-limiter.instances.search.backend | token-bucket
					resilience.rate-limiter.redis.command-timeout=0ms                | resilience.rate-limiter.redis.command-timeout    | positive
					resilience.rate-limiter.redis.probe-interval=-1s                 | resilience.rate-limiter.redis.probe-interval     | positive
					""")
	void failsOnInvalidRedisSettingsNamingTheProperty(String setting, String property, String reason) {
		this.runner.withPropertyValues(setting, "resilience.rate-limiter.instances.search.backend=redis")
			.run((context) -> assertInvalid(context.getStartupFailure(), property, reason));
	}

	@Test
	void failsToStartWhenTheConnectionFactoryIsNotLettuces() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(ResilienceRedisAutoConfiguration.class, ResilienceAutoConfiguration.class))
			.withBean(RedisConnectionFactory.class, NotLettuce::new)
			.withPropertyValues("resilience.rate-limiter.instances.search.backend=redis")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining(
						"RateLimiter 'search' has backend REDIS, which needs a LettuceConnectionFactory"));
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwnStoreFactory() {
		this.runner.withUserConfiguration(OwnStores.class).run((context) -> {
			assertThat(context).doesNotHaveBean(RedisPermitStoreFactory.class);
			assertThat(context.getBean(PermitStoreFactory.class)).isSameAs(OwnStores.STORES);
		});
	}

	@Test
	void definesNothingWhenResilienceIsDisabled() {
		this.runner.withPropertyValues("resilience.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(RedisPermitStoreFactory.class)
				.doesNotHaveBean(RateLimiterRegistry.class));
	}

	private static void assertInvalid(Throwable failure, String property, String reason) {
		assertThat(failure).isNotNull()
			.rootCause()
			.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (invalid) -> {
				assertThat(invalid.getName()).isEqualTo(property);
				assertThat(invalid.getReason()).contains(reason);
			});
	}

	/**
	 * A connection factory of another client than Lettuce, which counts the connections
	 * asked of it.
	 */
	static class NotLettuce implements RedisConnectionFactory {

		final AtomicInteger connections = new AtomicInteger();

		@Override
		public boolean getConvertPipelineAndTxResults() {
			return false;
		}

		@Override
		public RedisConnection getConnection() {
			this.connections.incrementAndGet();
			throw new UnsupportedOperationException();
		}

		@Override
		public RedisClusterConnection getClusterConnection() {
			throw new UnsupportedOperationException();
		}

		@Override
		public RedisSentinelConnection getSentinelConnection() {
			throw new UnsupportedOperationException();
		}

		@Override
		public DataAccessException translateExceptionIfPossible(RuntimeException ex) {
			return null;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnStores {

		static final PermitStoreFactory STORES = (name, config, local, events, timeSource) -> local;

		@Bean
		PermitStoreFactory ownStores() {
			return STORES;
		}

	}

}
