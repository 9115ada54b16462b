package dev.resilience.ratelimiter;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import dev.resilience.testsupport.Concurrently;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static dev.resilience.ratelimiter.Limiters.NO_SCHEDULE;
import static dev.resilience.ratelimiter.Limiters.NO_SLEEP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that a {@link RateLimiter} keeps its bound however many threads race for permits.
 * A ticking clock gives every read a distinct time, and each admission is logged at the
 * time its thread read, then the whole log is checked against the bound over every
 * interval.
 *
 * @author Resilience
 */
class RateLimiterConcurrencyTests {

	private static final int THREADS = 16;

	private static final int ATTEMPTS_PER_THREAD = 20_000;

	private static final int VIRTUAL_THREADS = 10_000;

	private static final int ATTEMPTS_PER_VIRTUAL_THREAD = 20;

	private static final int LIMIT = 50;

	private static final Duration PERIOD = Duration.ofMillis(1);

	private static final int BURST = 20;

	private static final Object KEY = RateLimiter.DEFAULT_KEY;

	@ParameterizedTest
	@EnumSource(RateLimiterAlgorithm.class)
	void keepsTheBoundWhenPlatformThreadsRace(RateLimiterAlgorithm algorithm) throws Exception {
		Concurrently threads = Concurrently.onPlatformThreads(THREADS);
		for (int round = 0; round < 3; round++) {
			raceAndCheck(algorithm, threads, ATTEMPTS_PER_THREAD, KEY, 0);
			raceAndCheck(algorithm, threads, ATTEMPTS_PER_THREAD, "tenant", 0);
		}
	}

	@Test
	void keepsTheBoundWhenPlatformThreadsRaceForARateThatTakesTheLockedBucket() throws Exception {
		// 47 per millisecond is no whole number of quarter nanoseconds apart
		assertThat(new TokenRate(Limiters.tokenBucket(47, PERIOD, BURST)).fitsOneWord()).isFalse();
		Concurrently threads = Concurrently.onPlatformThreads(THREADS);
		raceAndCheck(RateLimiterAlgorithm.TOKEN_BUCKET, 47, threads, ATTEMPTS_PER_THREAD, KEY, 0);
		raceAndCheck(RateLimiterAlgorithm.TOKEN_BUCKET, 47, threads, ATTEMPTS_PER_THREAD, KEY,
				Duration.ofMillis(2).toNanos());
	}

	@ParameterizedTest
	@EnumSource(RateLimiterAlgorithm.class)
	void keepsTheBoundWhenPlatformThreadsReservePermitsAhead(RateLimiterAlgorithm algorithm) throws Exception {
		raceAndCheck(algorithm, Concurrently.onPlatformThreads(THREADS), ATTEMPTS_PER_THREAD, KEY,
				Duration.ofMillis(2).toNanos());
	}

	@ParameterizedTest
	@EnumSource(RateLimiterAlgorithm.class)
	void keepsTheBoundWhenVirtualThreadsRace(RateLimiterAlgorithm algorithm) throws Exception {
		Concurrently threads = Concurrently.onVirtualThreads(VIRTUAL_THREADS);
		raceAndCheck(algorithm, threads, ATTEMPTS_PER_VIRTUAL_THREAD, KEY, 0);
		raceAndCheck(algorithm, threads, ATTEMPTS_PER_VIRTUAL_THREAD, KEY, Duration.ofMillis(2).toNanos());
	}

	@ParameterizedTest
	@EnumSource(RateLimiterAlgorithm.class)
	void keepsTheBoundOfEveryKeyWhileIdleBucketsAreDropped(RateLimiterAlgorithm algorithm) throws Exception {
		int keys = 32;
		int maxKeys = 8;
		Duration period = Duration.ofMillis(1).dividedBy(100);
		TickingTimeSource clock = new TickingTimeSource(1_000);
		RateLimiterConfig config = RateLimiterConfig.builder()
			.algorithm(algorithm)
			.limit(2)
			.period(period)
			.burst(2)
			.maxKeys(maxKeys)
			.build();
		RateLimiter limiter = new RateLimiter("api", config, clock, NO_SLEEP, NO_SCHEDULE);
		List<AdmissionLog[]> logs = Concurrently.runTogether(THREADS, () -> {
			AdmissionLog[] log = newLogs(keys);
			for (int i = 0; i < ATTEMPTS_PER_THREAD; i++) {
				int key = ThreadLocalRandom.current().nextInt(keys);
				if (limiter.reserve(key, 0) == 0) {
					log[key].add(clock.lastRead());
				}
			}
			return log;
		});
		int admitted = 0;
		for (int key = 0; key < keys; key++) {
			AdmissionLog merged = new AdmissionLog();
			for (AdmissionLog[] log : logs) {
				merged.addAll(log[key]);
			}
			assertBound(algorithm, merged, 2, period, 2);
			// every key got permits, so buckets were dropped to make room for it
			assertThat(merged.size()).isPositive();
			admitted += merged.size();
		}
		assertThat(limiter.metrics().permittedCalls()).isEqualTo(admitted);
		assertThat(limiter.metrics().keyCapRejections()).isPositive();
		assertThat(limiter.metrics().liveKeys()).isLessThanOrEqualTo(maxKeys);
		assertThat(limiter.keyedBuckets().mappedKeys()).isLessThanOrEqualTo(maxKeys);
	}

	private static void raceAndCheck(RateLimiterAlgorithm algorithm, Concurrently threads, int attempts, Object key,
			long maxWaitNanos) throws Exception {
		raceAndCheck(algorithm, LIMIT, threads, attempts, key, maxWaitNanos);
	}

	private static void raceAndCheck(RateLimiterAlgorithm algorithm, int limit, Concurrently threads, int attempts,
			Object key, long maxWaitNanos) throws Exception {
		TickingTimeSource clock = new TickingTimeSource(100);
		RateLimiterConfig config = RateLimiterConfig.builder()
			.algorithm(algorithm)
			.limit(limit)
			.period(PERIOD)
			.burst(BURST)
			.build();
		RateLimiter limiter = new RateLimiter("api", config, clock, NO_SLEEP, NO_SCHEDULE);
		List<AdmissionLog> logs = threads.runTogether(() -> {
			AdmissionLog log = new AdmissionLog();
			for (int i = 0; i < attempts; i++) {
				long wait = limiter.reserve(key, maxWaitNanos);
				if (wait >= 0) {
					log.add(clock.lastRead() + wait);
				}
			}
			return log;
		});
		AdmissionLog merged = new AdmissionLog();
		logs.forEach(merged::addAll);
		int capacity = (algorithm == RateLimiterAlgorithm.TOKEN_BUCKET) ? BURST : limit;
		assertBound(algorithm, merged, limit, PERIOD, capacity);
		assertThat(limiter.metrics().permittedCalls()).isEqualTo(merged.size());
		// demand always exceeds the rate, so nearly every permit the bound allows is
		// taken
		long span = clock.current();
		long allowed = capacity + span * limit / PERIOD.toNanos();
		assertThat(merged.size()).isGreaterThan((int) (allowed * 9 / 10));
	}

	private static void assertBound(RateLimiterAlgorithm algorithm, AdmissionLog log, int limit, Duration period,
			int burst) {
		if (algorithm == RateLimiterAlgorithm.TOKEN_BUCKET) {
			log.assertTokenBucketBound(limit, period, burst);
		}
		else {
			log.assertSlidingWindowBound(limit, period);
		}
	}

	private static AdmissionLog[] newLogs(int count) {
		AdmissionLog[] logs = new AdmissionLog[count];
		for (int i = 0; i < count; i++) {
			logs[i] = new AdmissionLog();
		}
		return logs;
	}

}
