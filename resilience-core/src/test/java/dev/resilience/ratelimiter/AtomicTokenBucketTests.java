package dev.resilience.ratelimiter;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.resilience.ratelimiter.Limiters.tokenBucket;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AtomicTokenBucket}: it must answer exactly as
 * {@link LockedTokenBucket} does, whatever the clock reads.
 *
 * @author Resilience
 */
class AtomicTokenBucketTests {

	@ParameterizedTest
	@CsvSource({ "1000000000, 1000000000, 1000", "3, 1000000000, 1", "1024, 1000000000, 7", "12, 1000000000, 5",
			"4, 1000000001, 2", "50, 1000000, 20", "10, 86400000000000, 10" })
	void answersAsTheLockedBucketDoes(int limit, long periodNanos, int burst) {
		TokenRate rate = new TokenRate(tokenBucket(limit, Duration.ofNanos(periodNanos), burst));
		assertThat(rate.fitsOneWord()).isTrue();
		// starts just before the clock wraps from Long.MAX_VALUE to Long.MIN_VALUE
		long now = Long.MAX_VALUE - 50 * periodNanos;
		Bucket atomic = new AtomicTokenBucket(rate, now);
		Bucket locked = new LockedTokenBucket(rate, now);
		Random random = new Random(limit);
		long step = Math.max(periodNanos / limit * 2, 2);
		for (int i = 0; i < 200_000; i++) {
			long maxWait = switch (random.nextInt(4)) {
				case 0 -> 0;
				case 1 -> Long.MAX_VALUE;
				default -> random.nextLong(3 * periodNanos);
			};
			assertThat(atomic.tryReserve(now, maxWait)).as("reservation %d", i)
				.isEqualTo(locked.tryReserve(now, maxWait));
			assertThat(atomic.availablePermits(now)).as("permits after %d", i).isEqualTo(locked.availablePermits(now));
			now += (random.nextInt(100) == 0) ? random.nextLong(100 * periodNanos) : random.nextLong(step);
		}
	}

	@Test
	void refusesAWaitLongerThanItsArithmeticDealsWith() {
		TokenRate rate = new TokenRate(tokenBucket(1, Duration.ofDays(365), 1));
		AtomicTokenBucket bucket = new AtomicTokenBucket(rate, 0);
		long year = Duration.ofDays(365).toNanos();
		assertThat(bucket.tryReserve(0, Long.MAX_VALUE)).isZero();
		for (int i = 1; i <= TokenRate.ATOMIC_LONGEST_NANOS / year; i++) {
			assertThat(bucket.tryReserve(0, Long.MAX_VALUE)).isEqualTo(i * year);
		}
		long code = bucket.tryReserve(0, Long.MAX_VALUE);
		assertThat(code).isNegative();
		assertThat(Bucket.waitOf(code)).isGreaterThan(TokenRate.ATOMIC_LONGEST_NANOS);
	}

	@Test
	void retiresOnlyWhenFullAndThenAnswersRetired() {
		TokenRate rate = new TokenRate(tokenBucket(10, Duration.ofSeconds(1), 2));
		AtomicTokenBucket bucket = new AtomicTokenBucket(rate, 0);
		assertThat(bucket.tryReserve(0, 0)).isZero();
		assertThat(bucket.retireIfIdle(99_999_999)).isFalse();
		assertThat(bucket.tryReserve(99_999_999, 0)).isZero();
		assertThat(bucket.retireIfIdle(200_000_000)).isTrue();
		assertThat(bucket.retireIfIdle(200_000_000)).isTrue();
		assertThat(bucket.tryReserve(200_000_000, Long.MAX_VALUE)).isEqualTo(Bucket.RETIRED);
		assertThat(bucket.availablePermits(300_000_000)).isEqualTo(2);
	}

	@ParameterizedTest
	@CsvSource({ "7, 1000000000, 1", "997, 1000000000, 50", "1000, 999, 2" })
	void leavesRatesThatAreNoWholeNumberOfQuarterNanosecondsToTheLockedBucket(int limit, long periodNanos, int burst) {
		RateLimiterConfig config = tokenBucket(limit, Duration.ofNanos(periodNanos), burst);
		assertThat(new TokenRate(config).fitsOneWord()).isFalse();
		assertThat(BucketFactory.of(config).create(0)).isInstanceOf(LockedTokenBucket.class);
	}

	@Test
	void leavesABurstOfTenYearsToTheLockedBucket() {
		RateLimiterConfig config = tokenBucket(1, Duration.ofDays(3653), 1);
		assertThat(new TokenRate(config).fitsOneWord()).isFalse();
		assertThat(BucketFactory.of(config).create(0)).isInstanceOf(LockedTokenBucket.class);
	}

	@Test
	void usesTheAtomicBucketForRoundRates() {
		assertThat(BucketFactory.of(tokenBucket(100, Duration.ofSeconds(1), 100)).create(0))
			.isInstanceOf(AtomicTokenBucket.class);
	}

}
