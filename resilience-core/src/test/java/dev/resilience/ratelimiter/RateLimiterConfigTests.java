package dev.resilience.ratelimiter;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * Tests for {@link RateLimiterConfig}.
 *
 * @author Resilience
 */
class RateLimiterConfigTests {

	@Test
	void defaultsMatchTheDocumentedValues() {
		RateLimiterConfig config = RateLimiterConfig.ofDefaults();
		assertThat(config.algorithm()).isEqualTo(RateLimiterAlgorithm.TOKEN_BUCKET);
		assertThat(config.limit()).isEqualTo(100);
		assertThat(config.period()).isEqualTo(Duration.ofSeconds(1));
		assertThat(config.burst()).isEqualTo(100);
		assertThat(config.timeout()).isEqualTo(Duration.ZERO);
		assertThat(config.maxKeys()).isEqualTo(100_000);
		assertThat(config.backend()).isEqualTo(RateLimiterBackend.LOCAL);
		assertThat(config.redisFailureMode()).isEqualTo(RedisFailureMode.LOCAL);
		assertThat(RateLimiterConfig.builder().build()).isEqualTo(config);
	}

	@Test
	void builderSetsEveryComponent() {
		RateLimiterConfig config = RateLimiterConfig.builder()
			.algorithm(RateLimiterAlgorithm.SLIDING_WINDOW)
			.limit(7)
			.period(Duration.ofMinutes(1))
			.burst(3)
			.timeout(Duration.ofMillis(250))
			.maxKeys(50)
			.redisFailureMode(RedisFailureMode.DENY)
			.build();
		assertThat(config).isEqualTo(new RateLimiterConfig(RateLimiterAlgorithm.SLIDING_WINDOW, 7,
				Duration.ofMinutes(1), 3, Duration.ofMillis(250), 50, RateLimiterBackend.LOCAL, RedisFailureMode.DENY));
		assertThat(RateLimiterConfig.builder().backend(RateLimiterBackend.REDIS).build().backend())
			.isEqualTo(RateLimiterBackend.REDIS);
	}

	@Test
	void toBuilderStartsFromTheConfiguration() {
		RateLimiterConfig config = RateLimiterConfig.builder().limit(7).burst(9).build();
		RateLimiterConfig changed = config.toBuilder().timeout(Duration.ofSeconds(2)).build();
		assertThat(changed.limit()).isEqualTo(7);
		assertThat(changed.burst()).isEqualTo(9);
		assertThat(changed.timeout()).isEqualTo(Duration.ofSeconds(2));
		assertThat(config.timeout()).isEqualTo(Duration.ZERO);
	}

	@Test
	void rejectsLimitBelowOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> RateLimiterConfig.builder().limit(0).build())
			.withMessage("limit must be at least 1, but was 0");
	}

	@Test
	void rejectsPeriodThatIsNotPositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> RateLimiterConfig.builder().period(Duration.ZERO).build())
			.withMessage("period must be positive, but was PT0S");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RateLimiterConfig.builder().period(Duration.ofSeconds(-1)).build())
			.withMessage("period must be positive, but was PT-1S");
	}

	@Test
	void rejectsBurstBelowOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> RateLimiterConfig.builder().burst(-3).build())
			.withMessage("burst must be at least 1, but was -3");
	}

	@Test
	void rejectsNegativeTimeout() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RateLimiterConfig.builder().timeout(Duration.ofMillis(-5)).build())
			.withMessage("timeout must not be negative, but was PT-0.005S");
	}

	@Test
	void rejectsMaxKeysBelowOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> RateLimiterConfig.builder().maxKeys(0).build())
			.withMessage("maxKeys must be at least 1, but was 0");
	}

	@Test
	void rejectsSlidingWindowWithRedisBackend() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RateLimiterConfig.builder()
				.algorithm(RateLimiterAlgorithm.SLIDING_WINDOW)
				.backend(RateLimiterBackend.REDIS)
				.build())
			.withMessage("algorithm must be TOKEN_BUCKET with backend REDIS, but was SLIDING_WINDOW");
	}

	@Test
	void rejectsMissingValues() {
		assertThatNullPointerException().isThrownBy(() -> RateLimiterConfig.builder().algorithm(null).build())
			.withMessage("algorithm must not be null");
		assertThatNullPointerException().isThrownBy(() -> RateLimiterConfig.builder().period(null).build())
			.withMessage("period must not be null");
		assertThatNullPointerException().isThrownBy(() -> RateLimiterConfig.builder().timeout(null).build())
			.withMessage("timeout must not be null");
		assertThatNullPointerException().isThrownBy(() -> RateLimiterConfig.builder().backend(null).build())
			.withMessage("backend must not be null");
		assertThatNullPointerException().isThrownBy(() -> RateLimiterConfig.builder().redisFailureMode(null).build())
			.withMessage("redisFailureMode must not be null");
	}

	@Test
	void acceptsTheSmallestValidValues() {
		RateLimiterConfig config = new RateLimiterConfig(RateLimiterAlgorithm.TOKEN_BUCKET, 1, Duration.ofNanos(1), 1,
				Duration.ZERO, 1, RateLimiterBackend.LOCAL, RedisFailureMode.LOCAL);
		assertThat(config.limit()).isOne();
	}

}
