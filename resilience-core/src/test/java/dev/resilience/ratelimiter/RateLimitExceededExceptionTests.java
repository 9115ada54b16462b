package dev.resilience.ratelimiter;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.stream.Stream;

import dev.resilience.core.internal.Failures;
import dev.resilience.core.ResilienceException;
import dev.resilience.retry.Retry;
import dev.resilience.retry.RetryConfig;
import dev.resilience.testsupport.ManualTimeSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.resilience.ratelimiter.Limiters.drain;
import static dev.resilience.ratelimiter.Limiters.limiter;
import static dev.resilience.ratelimiter.Limiters.slidingWindow;
import static dev.resilience.ratelimiter.Limiters.tokenBucket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Tests for {@link RateLimitExceededException} and the {@code retryAfter} it carries.
 *
 * @author Resilience
 */
class RateLimitExceededExceptionTests {

	private static final Object KEY = RateLimiter.DEFAULT_KEY;

	private final ManualTimeSource clock = new ManualTimeSource();

	@Test
	void carriesTheInstanceAndTheWaitWithoutAStackTrace() {
		RateLimitExceededException ex = new RateLimitExceededException("inventory", Duration.ofMillis(250));
		assertThat(ex).isInstanceOf(ResilienceException.class)
			.hasMessage("RateLimiter 'inventory' has no permit available; the next one is in 250ms");
		assertThat(ex.getInstanceName()).isEqualTo("inventory");
		assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofMillis(250));
		assertThat(ex.isPolicyRejection()).isTrue();
		assertThat(ex.getStackTrace()).isEmpty();
	}

	@Test
	void isReadAsARetryAfterAndNotRetriedByDefault() {
		RateLimitExceededException ex = new RateLimitExceededException("inventory", Duration.ofSeconds(2));
		assertThat(Failures.retryAfter(ex, ZonedDateTime.now(ZoneOffset.UTC))).isEqualTo(Duration.ofSeconds(2));
		assertThat(Retry.of("retry", RetryConfig.ofDefaults()).shouldRetry(ex)).isFalse();
	}

	@Test
	void tokenBucketRetryAfterIsTheExactTimeToTheNextPermit() {
		RateLimiter limiter = limiter(tokenBucket(3, Duration.ofSeconds(1), 1), this.clock);
		limiter.acquirePermission(KEY);
		assertThat(rejection(limiter, KEY).getRetryAfter()).isEqualTo(Duration.ofNanos(333_333_334));
		this.clock.advanceMillis(300);
		assertThat(rejection(limiter, KEY).getRetryAfter()).isEqualTo(Duration.ofNanos(33_333_334));
	}

	@Test
	void tokenBucketRetryAfterIncludesPermitsPromisedToWaitingCallers() {
		RateLimiter limiter = limiter(tokenBucket(10, Duration.ofSeconds(1), 1), this.clock);
		limiter.acquirePermission(KEY);
		limiter.reserve(KEY, Duration.ofSeconds(1).toNanos());
		limiter.reserve(KEY, Duration.ofSeconds(1).toNanos());
		assertThat(rejection(limiter, KEY).getRetryAfter()).isEqualTo(Duration.ofMillis(300));
	}

	@Test
	void slidingWindowRetryAfterIsTheTimeUntilTheOldestAdmissionLeavesTheWindow() {
		RateLimiter limiter = limiter(slidingWindow(2, Duration.ofSeconds(1)), this.clock);
		limiter.acquirePermission(KEY);
		this.clock.advanceMillis(400);
		limiter.acquirePermission(KEY);
		this.clock.advanceMillis(100);
		assertThat(rejection(limiter, KEY).getRetryAfter()).isEqualTo(Duration.ofMillis(500));
	}

	@Test
	void keyCapRetryAfterIsTheTimeUntilIdleKeysMayBeDropped() {
		RateLimiter limiter = limiter(tokenBucket(10, Duration.ofMillis(200), 10).toBuilder().maxKeys(1).build(),
				this.clock);
		drain(limiter, "a");
		RateLimitExceededException ex = rejection(limiter, "b");
		assertThat(ex)
			.hasMessage("RateLimiter 'api' tracks its maximum of 1 keys and rejects new ones; " + "retry after 200ms");
		assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofMillis(200));
		this.clock.advanceMillis(150);
		assertThat(rejection(limiter, "b").getRetryAfter()).isEqualTo(Duration.ofMillis(50));
		this.clock.advanceMillis(50);
		limiter.acquirePermission("b");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("hourlyLimits")
	void keyCapRetryAfterIsTheWaitForAnIdleBucketNotForTheNextSweep(String bucket, RateLimiterConfig hourly) {
		RateLimiter limiter = limiter(hourly.toBuilder().maxKeys(1).build(), this.clock);
		drain(limiter, "a");
		this.clock.advanceMillis(10);
		// "a" is full again an hour after its calls: the sweeps before cannot make room
		RateLimitExceededException ex = rejection(limiter, "b");
		assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofHours(1).minusMillis(10));
		assertThat(ex)
			.hasMessage("RateLimiter 'api' tracks its maximum of 1 keys and rejects new ones; retry after 1h");
		this.clock.advance(Duration.ofMinutes(30));
		assertThat(rejection(limiter, "b").getRetryAfter()).isEqualTo(Duration.ofMinutes(30).minusMillis(10));
		this.clock.advance(Duration.ofMinutes(30).minusMillis(10));
		limiter.acquirePermission("b");
	}

	static Stream<Arguments> hourlyLimits() {
		return Stream.of(arguments("atomic token bucket", tokenBucket(1, Duration.ofHours(1), 1)),
				// 7 per hour is no whole number of quarter nanoseconds apart
				arguments("locked token bucket", tokenBucket(7, Duration.ofHours(1), 7)),
				arguments("sliding window", slidingWindow(1, Duration.ofHours(1))));
	}

	@Test
	void keyCapRetryAfterCountsBucketsCreatedSinceTheLastSweep() {
		RateLimiter limiter = limiter(tokenBucket(10, Duration.ofHours(1), 10).toBuilder().maxKeys(2).build(),
				this.clock);
		drain(limiter, "busy");
		limiter.acquirePermission("brief");
		// "brief" is full again at 6 minutes, when the sweep for "new" drops it
		this.clock.advance(Duration.ofMinutes(6));
		limiter.acquirePermission("new");
		this.clock.advanceMillis(500);
		// no sweep since "new" was created; it is the first full again, at 12 minutes
		assertThat(rejection(limiter, "newer").getRetryAfter()).isEqualTo(Duration.ofMinutes(6).minusMillis(500));
	}

	private static RateLimitExceededException rejection(RateLimiter limiter, Object key) {
		return assertThatExceptionOfType(RateLimitExceededException.class)
			.isThrownBy(() -> limiter.acquirePermission(key))
			.actual();
	}

}
