package dev.resilience.ratelimiter;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static dev.resilience.ratelimiter.Limiters.NO_SCHEDULE;
import static dev.resilience.ratelimiter.Limiters.NO_SLEEP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
		ExecutorService executor = Executors.newFixedThreadPool(THREADS);
		try {
			for (int round = 0; round < 3; round++) {
				raceAndCheck(algorithm, executor, THREADS, ATTEMPTS_PER_THREAD, KEY, 0);
				raceAndCheck(algorithm, executor, THREADS, ATTEMPTS_PER_THREAD, "tenant", 0);
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void keepsTheBoundWhenPlatformThreadsRaceForARateThatTakesTheLockedBucket() throws Exception {
		// 47 per millisecond is no whole number of quarter nanoseconds apart
		assertThat(new TokenRate(Limiters.tokenBucket(47, PERIOD, BURST)).fitsOneWord()).isFalse();
		ExecutorService executor = Executors.newFixedThreadPool(THREADS);
		try {
			raceAndCheck(RateLimiterAlgorithm.TOKEN_BUCKET, 47, executor, THREADS, ATTEMPTS_PER_THREAD, KEY, 0);
			raceAndCheck(RateLimiterAlgorithm.TOKEN_BUCKET, 47, executor, THREADS, ATTEMPTS_PER_THREAD, KEY,
					Duration.ofMillis(2).toNanos());
		}
		finally {
			executor.shutdownNow();
		}
	}

	@ParameterizedTest
	@EnumSource(RateLimiterAlgorithm.class)
	void keepsTheBoundWhenPlatformThreadsReservePermitsAhead(RateLimiterAlgorithm algorithm) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(THREADS);
		try {
			raceAndCheck(algorithm, executor, THREADS, ATTEMPTS_PER_THREAD, KEY, Duration.ofMillis(2).toNanos());
		}
		finally {
			executor.shutdownNow();
		}
	}

	@ParameterizedTest
	@EnumSource(RateLimiterAlgorithm.class)
	void keepsTheBoundWhenVirtualThreadsRace(RateLimiterAlgorithm algorithm) throws Exception {
		ExecutorService executor = virtualThreadExecutor();
		try {
			raceAndCheck(algorithm, executor, VIRTUAL_THREADS, ATTEMPTS_PER_VIRTUAL_THREAD, KEY, 0);
			raceAndCheck(algorithm, executor, VIRTUAL_THREADS, ATTEMPTS_PER_VIRTUAL_THREAD, KEY,
					Duration.ofMillis(2).toNanos());
		}
		finally {
			executor.shutdownNow();
		}
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
		ExecutorService executor = Executors.newFixedThreadPool(THREADS);
		List<AdmissionLog[]> logs;
		try {
			logs = runTogether(executor, THREADS, () -> {
				AdmissionLog[] log = newLogs(keys);
				for (int i = 0; i < ATTEMPTS_PER_THREAD; i++) {
					int key = ThreadLocalRandom.current().nextInt(keys);
					if (limiter.reserve(key, 0) == 0) {
						log[key].add(clock.lastRead());
					}
				}
				return log;
			});
		}
		finally {
			executor.shutdownNow();
		}
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

	private static void raceAndCheck(RateLimiterAlgorithm algorithm, ExecutorService executor, int threads,
			int attempts, Object key, long maxWaitNanos) throws Exception {
		raceAndCheck(algorithm, LIMIT, executor, threads, attempts, key, maxWaitNanos);
	}

	private static void raceAndCheck(RateLimiterAlgorithm algorithm, int limit, ExecutorService executor, int threads,
			int attempts, Object key, long maxWaitNanos) throws Exception {
		TickingTimeSource clock = new TickingTimeSource(100);
		RateLimiterConfig config = RateLimiterConfig.builder()
			.algorithm(algorithm)
			.limit(limit)
			.period(PERIOD)
			.burst(BURST)
			.build();
		RateLimiter limiter = new RateLimiter("api", config, clock, NO_SLEEP, NO_SCHEDULE);
		List<AdmissionLog> logs = runTogether(executor, threads, () -> {
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

	/**
	 * Run the task on the given number of threads released at once, and return what each
	 * returned.
	 */
	private static <T> List<T> runTogether(ExecutorService executor, int threads, Callable<T> task) throws Exception {
		CountDownLatch ready = new CountDownLatch(threads);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<T>> futures = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			futures.add(executor.submit(() -> {
				ready.countDown();
				start.await();
				return task.call();
			}));
		}
		assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
		start.countDown();
		List<T> results = new ArrayList<>();
		for (Future<T> future : futures) {
			results.add(future.get(60, TimeUnit.SECONDS));
		}
		return results;
	}

	private static ExecutorService virtualThreadExecutor() throws Exception {
		Method factory;
		try {
			factory = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
		}
		catch (NoSuchMethodException ex) {
			factory = null;
		}
		assumeTrue(factory != null, "virtual threads need JDK 21 or later");
		return (ExecutorService) factory.invoke(null);
	}

}
