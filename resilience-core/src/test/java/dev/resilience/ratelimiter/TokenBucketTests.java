package dev.resilience.ratelimiter;

import java.time.Duration;
import java.util.Random;

import dev.resilience.testsupport.ManualTimeSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.resilience.ratelimiter.Limiters.drain;
import static dev.resilience.ratelimiter.Limiters.limiter;
import static dev.resilience.ratelimiter.Limiters.tokenBucket;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RateLimiterAlgorithm#TOKEN_BUCKET}.
 *
 * @author Resilience
 */
class TokenBucketTests {

	private static final Object KEY = RateLimiter.DEFAULT_KEY;

	private final ManualTimeSource clock = new ManualTimeSource();

	@Test
	void admitsBurstThenOnePermitPerInterval() {
		RateLimiter limiter = limiter(tokenBucket(10, Duration.ofSeconds(1), 10), this.clock);
		assertThat(drain(limiter, KEY)).isEqualTo(10);
		this.clock.advanceMillis(99);
		assertThat(limiter.reserve(KEY, 0)).isEqualTo(RateLimiter.NO_PERMIT);
		this.clock.advanceMillis(1);
		assertThat(drain(limiter, KEY)).isOne();
		this.clock.advanceMillis(350);
		assertThat(drain(limiter, KEY)).isEqualTo(3);
	}

	@Test
	void admitsExactlyBurstPlusTheRateOverManyPeriods() {
		RateLimiter limiter = limiter(tokenBucket(10, Duration.ofSeconds(1), 10), this.clock);
		long admitted = drain(limiter, KEY);
		for (int millis = 1; millis <= 100_000; millis++) {
			this.clock.advanceMillis(1);
			admitted += drain(limiter, KEY);
		}
		assertThat(admitted).isEqualTo(10 + 100 * 10);
	}

	@Test
	void keepsExactCountsWhenTheIntervalIsNotAWholeNumberOfNanoseconds() {
		// one permit every 333,333,333.33ns
		RateLimiter limiter = limiter(tokenBucket(3, Duration.ofSeconds(1), 3), this.clock);
		long admitted = drain(limiter, KEY);
		for (int millis = 1; millis <= 1_000_000; millis++) {
			this.clock.advanceMillis(1);
			admitted += drain(limiter, KEY);
		}
		assertThat(admitted).isEqualTo(3 + 3 * 1000);
	}

	@Test
	void grantsAPermitAtTheExactNanosecondItIsDue() {
		RateLimiter limiter = limiter(tokenBucket(3, Duration.ofSeconds(1), 1), this.clock);
		assertThat(limiter.reserve(KEY, 0)).isZero();
		this.clock.advanceNanos(333_333_333);
		assertThat(limiter.reserve(KEY, 0)).isEqualTo(RateLimiter.NO_PERMIT);
		this.clock.advanceNanos(1);
		assertThat(limiter.reserve(KEY, 0)).isZero();
	}

	@Test
	void refillsNoFurtherThanTheBurst() {
		RateLimiter limiter = limiter(tokenBucket(10, Duration.ofSeconds(1), 25), this.clock);
		assertThat(drain(limiter, KEY)).isEqualTo(25);
		this.clock.advance(Duration.ofHours(1));
		assertThat(drain(limiter, KEY)).isEqualTo(25);
		this.clock.advanceMillis(500);
		assertThat(drain(limiter, KEY)).isEqualTo(5);
	}

	@Test
	void burstSmallerThanTheLimitSmoothsTheRate() {
		RateLimiter limiter = limiter(tokenBucket(100, Duration.ofSeconds(1), 1), this.clock);
		long admitted = 0;
		for (int micros = 0; micros < 1_000_000; micros += 100) {
			admitted += drain(limiter, KEY);
			this.clock.advanceNanos(100_000);
		}
		assertThat(admitted).isEqualTo(100);
	}

	@Test
	void reservesPermitsAheadWithExactWaitsInArrivalOrder() {
		RateLimiter limiter = limiter(tokenBucket(10, Duration.ofSeconds(1), 1), this.clock);
		long second = Duration.ofSeconds(1).toNanos();
		assertThat(limiter.reserve(KEY, second)).isZero();
		assertThat(limiter.reserve(KEY, second)).isEqualTo(100_000_000);
		assertThat(limiter.reserve(KEY, second)).isEqualTo(200_000_000);
		assertThat(limiter.reserve(KEY, second)).isEqualTo(300_000_000);
		this.clock.advanceMillis(50);
		assertThat(limiter.reserve(KEY, second)).isEqualTo(350_000_000);
	}

	@Test
	void refusalConsumesNothing() {
		RateLimiter limiter = limiter(tokenBucket(10, Duration.ofSeconds(1), 1), this.clock);
		long second = Duration.ofSeconds(1).toNanos();
		assertThat(limiter.reserve(KEY, second)).isZero();
		assertThat(limiter.reserve(KEY, second)).isEqualTo(100_000_000);
		for (int i = 0; i < 5; i++) {
			assertThat(limiter.reserve(KEY, 199_999_999)).isEqualTo(RateLimiter.NO_PERMIT);
		}
		assertThat(limiter.reserve(KEY, 200_000_000)).isEqualTo(200_000_000);
		assertThat(limiter.metrics().permittedCalls()).isEqualTo(3);
		assertThat(limiter.metrics().rejectedCalls()).isEqualTo(5);
	}

	@Test
	void reservedPermitsCountAgainstLaterCallers() {
		RateLimiter limiter = limiter(tokenBucket(10, Duration.ofSeconds(1), 2), this.clock);
		assertThat(drain(limiter, KEY)).isEqualTo(2);
		assertThat(limiter.reserve(KEY, Duration.ofSeconds(1).toNanos())).isEqualTo(100_000_000);
		this.clock.advanceMillis(100);
		// the permit refilled by now is the one promised above
		assertThat(limiter.reserve(KEY, 0)).isEqualTo(RateLimiter.NO_PERMIT);
		this.clock.advanceMillis(100);
		assertThat(limiter.reserve(KEY, 0)).isZero();
	}

	@Test
	void reportsAvailablePermitsOfTheUnkeyedBucket() {
		RateLimiter limiter = limiter(tokenBucket(10, Duration.ofSeconds(1), 5), this.clock);
		assertThat(limiter.metrics().availablePermits()).isEqualTo(5);
		limiter.reserve(KEY, 0);
		limiter.reserve(KEY, 0);
		assertThat(limiter.metrics().availablePermits()).isEqualTo(3);
		this.clock.advanceMillis(150);
		assertThat(limiter.metrics().availablePermits()).isEqualTo(4);
		drain(limiter, KEY);
		long second = Duration.ofSeconds(1).toNanos();
		limiter.reserve(KEY, second);
		limiter.reserve(KEY, second);
		assertThat(limiter.metrics().availablePermits()).isEqualTo(-2);
		this.clock.advance(Duration.ofSeconds(10));
		assertThat(limiter.metrics().availablePermits()).isEqualTo(5);
	}

	@Test
	void neverAdmitsMoreThanTheBoundOverAnyInterval() {
		RateLimiter limiter = limiter(tokenBucket(7, Duration.ofMillis(100), 4), this.clock);
		AdmissionLog log = new AdmissionLog();
		Random random = new Random(42);
		for (int i = 0; i < 200_000; i++) {
			if (limiter.reserve(KEY, 0) == 0) {
				log.add(this.clock.nanoTime());
			}
			this.clock.advanceNanos(random.nextInt(3_000_000));
		}
		assertThat(log.size()).isGreaterThan(1000);
		log.assertTokenBucketBound(7, Duration.ofMillis(100), 4);
	}

	@ParameterizedTest
	// both the single-word bucket (3/s, 10/ms, 1024/s, 4 per 1,000,000,001 ns) and the
	// locked one (the others)
	@CsvSource({ "3, 1000000000, 1", "7, 1000000001, 3", "10, 1000000, 10", "997, 1000000000, 50", "1000, 999, 2",
			"1024, 1000000000, 9", "4, 1000000001, 2" })
	void matchesAnExactModelOfTheBucket(int limit, long periodNanos, int burst) {
		RateLimiter limiter = limiter(tokenBucket(limit, Duration.ofNanos(periodNanos), burst), this.clock);
		// the instant the bucket is full again, times limit, so that it is a whole number
		long fullScaled = 0;
		Random random = new Random(limit);
		for (int i = 0; i < 100_000; i++) {
			long now = this.clock.nanoTime();
			long maxWait = random.nextBoolean() ? 0 : random.nextInt((int) Math.min(3 * periodNanos, 1 << 30));
			long next = Math.max(fullScaled, now * limit) + periodNanos;
			long availableAt = Math.floorDiv(next - (long) burst * periodNanos + limit - 1, limit);
			long expected = Math.max(0, availableAt - now);
			if (expected <= maxWait) {
				fullScaled = next;
			}
			else {
				expected = RateLimiter.NO_PERMIT;
			}
			assertThat(limiter.reserve(KEY, maxWait)).as("reservation %d", i).isEqualTo(expected);
			long spent = Math.max(0, Math.floorDiv(fullScaled - now * limit + periodNanos - 1, periodNanos));
			assertThat(limiter.metrics().availablePermits()).as("permits after %d", i).isEqualTo(burst - spent);
			this.clock.advanceNanos(random.nextInt((int) Math.min(periodNanos / limit * 2 + 2, 1 << 30)));
		}
	}

}
