package dev.resilience.ratelimiter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.resilience.testsupport.ManualTimeSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.resilience.ratelimiter.Limiters.drain;
import static dev.resilience.ratelimiter.Limiters.limiter;
import static dev.resilience.ratelimiter.Limiters.slidingWindow;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RateLimiterAlgorithm#SLIDING_WINDOW}.
 *
 * @author Resilience
 */
class SlidingWindowTests {

	private static final Object KEY = RateLimiter.DEFAULT_KEY;

	private static final long SECOND = Duration.ofSeconds(1).toNanos();

	private final ManualTimeSource clock = new ManualTimeSource();

	@Test
	void admitsTheLimitOncePerWindow() {
		RateLimiter limiter = limiter(slidingWindow(10, Duration.ofSeconds(1)), this.clock);
		assertThat(drain(limiter, KEY)).isEqualTo(10);
		this.clock.advanceNanos(SECOND - 1);
		assertThat(limiter.reserve(KEY, 0)).isEqualTo(RateLimiter.NO_PERMIT);
		this.clock.advanceNanos(1);
		assertThat(drain(limiter, KEY)).isEqualTo(10);
	}

	@Test
	void admitsExactlyTheLimitPerPeriodOverManyPeriods() {
		RateLimiter limiter = limiter(slidingWindow(10, Duration.ofSeconds(1)), this.clock);
		long drained = drain(limiter, KEY);
		for (int millis = 1; millis <= 100_000; millis++) {
			this.clock.advanceMillis(1);
			drained += drain(limiter, KEY);
		}
		assertThat(drained).isEqualTo(10 * 101);
	}

	@Test
	void admitsSteadyArrivalsUntilTheWindowIsFull() {
		RateLimiter limiter = limiter(slidingWindow(10, Duration.ofSeconds(1)), this.clock);
		long admitted = 0;
		for (int millis = 0; millis <= 100_000; millis++) {
			if (limiter.reserve(KEY, 0) == 0) {
				admitted++;
			}
			this.clock.advanceMillis(1);
		}
		// milliseconds 0-9 of every second, and the first of the last
		assertThat(admitted).isEqualTo(10 * 100 + 1);
	}

	@Test
	void ignoresTheBurst() {
		RateLimiterConfig config = slidingWindow(10, Duration.ofSeconds(1));
		assertThat(drain(limiter(config.toBuilder().burst(1).build(), this.clock), KEY)).isEqualTo(10);
		assertThat(drain(limiter(config.toBuilder().burst(1000).build(), this.clock), KEY)).isEqualTo(10);
	}

	@Test
	void neverAdmitsMoreThanTheLimitInAnyWindow() {
		RateLimiter limiter = limiter(slidingWindow(7, Duration.ofMillis(100)), this.clock);
		AdmissionLog log = new AdmissionLog();
		Random random = new Random(42);
		for (int i = 0; i < 200_000; i++) {
			if (limiter.reserve(KEY, 0) == 0) {
				log.add(this.clock.nanoTime());
			}
			this.clock.advanceNanos(random.nextInt(3_000_000));
		}
		assertThat(log.size()).isGreaterThan(1000);
		log.assertSlidingWindowBound(7, Duration.ofMillis(100));
		log.assertTokenBucketBound(7, Duration.ofMillis(100), 7);
	}

	@Test
	void reservesPermitsAheadWithExactWaitsInArrivalOrder() {
		RateLimiter limiter = limiter(slidingWindow(2, Duration.ofSeconds(1)), this.clock);
		assertThat(limiter.reserve(KEY, 3 * SECOND)).isZero();
		this.clock.advanceMillis(300);
		assertThat(limiter.reserve(KEY, 3 * SECOND)).isZero();
		assertThat(limiter.reserve(KEY, 3 * SECOND)).isEqualTo(SECOND - 300_000_000);
		assertThat(limiter.reserve(KEY, 3 * SECOND)).isEqualTo(SECOND);
		assertThat(limiter.reserve(KEY, 3 * SECOND)).isEqualTo(2 * SECOND - 300_000_000);
	}

	@Test
	void refusalConsumesNothing() {
		RateLimiter limiter = limiter(slidingWindow(2, Duration.ofSeconds(1)), this.clock);
		assertThat(drain(limiter, KEY)).isEqualTo(2);
		for (int i = 0; i < 5; i++) {
			assertThat(limiter.reserve(KEY, SECOND - 1)).isEqualTo(RateLimiter.NO_PERMIT);
		}
		assertThat(limiter.reserve(KEY, SECOND)).isEqualTo(SECOND);
		assertThat(limiter.reserve(KEY, SECOND)).isEqualTo(SECOND);
		assertThat(limiter.reserve(KEY, 2 * SECOND)).isEqualTo(2 * SECOND);
	}

	@Test
	void reportsAvailablePermitsOfTheUnkeyedBucket() {
		RateLimiter limiter = limiter(slidingWindow(5, Duration.ofSeconds(1)), this.clock);
		assertThat(limiter.metrics().availablePermits()).isEqualTo(5);
		limiter.reserve(KEY, 0);
		this.clock.advanceMillis(400);
		limiter.reserve(KEY, 0);
		assertThat(limiter.metrics().availablePermits()).isEqualTo(3);
		this.clock.advanceMillis(600);
		assertThat(limiter.metrics().availablePermits()).isEqualTo(4);
		this.clock.advanceMillis(400);
		assertThat(limiter.metrics().availablePermits()).isEqualTo(5);
	}

	@Test
	void growsItsLogToLargeLimits() {
		RateLimiter limiter = limiter(slidingWindow(5000, Duration.ofSeconds(1)), this.clock);
		for (int i = 0; i < 3; i++) {
			assertThat(drain(limiter, KEY)).isEqualTo(5000);
			this.clock.advanceMillis(999);
			assertThat(limiter.reserve(KEY, 0)).isEqualTo(RateLimiter.NO_PERMIT);
			this.clock.advanceMillis(1);
		}
	}

	@Test
	void limitOfOneAdmitsOnePermitPerPeriod() {
		RateLimiter limiter = limiter(slidingWindow(1, Duration.ofMillis(10)), this.clock);
		long admitted = 0;
		for (int micros = 0; micros < 1_000_000; micros += 100) {
			admitted += drain(limiter, KEY);
			this.clock.advanceNanos(100_000);
		}
		assertThat(admitted).isEqualTo(100);
	}

	@ParameterizedTest
	@CsvSource({ "1, 1000000000", "3, 1000000000", "10, 999999", "64, 1000000000" })
	void matchesAnExactModelOfTheWindow(int limit, long periodNanos) {
		RateLimiter limiter = limiter(slidingWindow(limit, Duration.ofNanos(periodNanos)), this.clock);
		List<Long> admissions = new ArrayList<>();
		Random random = new Random(limit);
		for (int i = 0; i < 50_000; i++) {
			long now = this.clock.nanoTime();
			long maxWait = random.nextBoolean() ? 0 : random.nextInt((int) Math.min(2 * periodNanos, 1 << 30));
			int size = admissions.size();
			long at = now;
			if (size > 0) {
				at = Math.max(at, admissions.get(size - 1));
			}
			if (size >= limit) {
				at = Math.max(at, admissions.get(size - limit) + periodNanos);
			}
			long expected = at - now;
			if (expected <= maxWait) {
				admissions.add(at);
			}
			else {
				expected = RateLimiter.NO_PERMIT;
			}
			assertThat(limiter.reserve(KEY, maxWait)).as("reservation %d", i).isEqualTo(expected);
			// never negative: permits promised ahead leave the window full, no more
			long inWindow = admissions.subList(Math.max(0, admissions.size() - limit), admissions.size())
				.stream()
				.filter((time) -> time > now - periodNanos)
				.count();
			assertThat(limiter.metrics().availablePermits()).as("permits after %d", i).isEqualTo(limit - inWindow);
			if (admissions.size() > 2 * limit) {
				admissions.subList(0, limit).clear();
			}
			this.clock.advanceNanos(random.nextInt((int) Math.min(periodNanos / limit * 2 + 2, 1 << 30)));
		}
	}

}
