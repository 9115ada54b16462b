package dev.resilience.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.resilience.ratelimiter.RateLimiter;
import dev.resilience.ratelimiter.RateLimiterRegistry;
import dev.resilience.ratelimiter.redis.TestRedisServer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that three applications sharing one Redis share one limit: hammered together from
 * many threads for several periods, they admit no more than
 * {@code burst + limit × elapsed / period} between them, and close to it.
 *
 * @author Resilience
 */
class ResilienceRedisAutoConfigurationSharedLimitTests {

	private static final int LIMIT = 100;

	private static final Duration PERIOD = Duration.ofMillis(250);

	private static final int BURST = 20;

	private static final Duration RUN = Duration.ofMillis(1500);

	private static final int THREADS_PER_APPLICATION = 4;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(ResilienceRedisAutoConfiguration.class, ResilienceAutoConfiguration.class))
		.withUserConfiguration(TestRedisServer.Connection.class)
		.withPropertyValues("test.redis.port=" + TestRedisServer.shared().port(),
				"resilience.rate-limiter.instances.shared.backend=redis",
				"resilience.rate-limiter.instances.shared.limit=" + LIMIT,
				"resilience.rate-limiter.instances.shared.period=" + PERIOD.toMillis() + "ms",
				"resilience.rate-limiter.instances.shared.burst=" + BURST,
				// generous: this test is about the limit, not about Redis being slow to
				// answer
				// while a small machine runs twelve hammering threads
				"resilience.rate-limiter.redis.command-timeout=5s");

	@Test
	void threeApplicationsAdmitAtMostTheSharedLimitAndCloseToIt() {
		this.runner.run((first) -> this.runner.run((second) -> this.runner.run((third) -> {
			List<RateLimiter> limiters = List.of(limiter(first), limiter(second), limiter(third));
			assertThat(limiters).allSatisfy((limiter) -> assertThat(limiter.isRemote()).isTrue());
			// warm up each application's connection, then start from a full bucket
			limiters.forEach((limiter) -> limiter.reserve("warm-up", 0));
			TestRedisServer.shared().admin().del("resilience:rl:{shared}");
			Hammered hammered = hammer(limiters);
			double elapsedPeriods = (double) hammered.elapsedNanos() / PERIOD.toNanos();
			// Redis's clock is read in whole microseconds: one permit more at most
			double bound = BURST + LIMIT * elapsedPeriods + 1;
			assertThat((double) hammered.admitted()).isLessThanOrEqualTo(bound).isGreaterThanOrEqualTo(0.9 * bound);
			long permittedCalls = limiters.stream().mapToLong((limiter) -> limiter.metrics().permittedCalls()).sum();
			assertThat(permittedCalls).isEqualTo(limiters.size() + hammered.admitted());
			// every application got its share: nobody was starved
			assertThat(hammered.admittedBy()).allSatisfy(
					(admitted) -> assertThat(admitted).isGreaterThan(hammered.admitted() / limiters.size() / 2));
			// Redis answered every call: no failure mode stood in
			assertThat(limiters).allSatisfy((limiter) -> {
				assertThat(limiter.isBackendAvailable()).isTrue();
				assertThat(limiter.events().recent()).noneMatch((event) -> event.type().startsWith("BACKEND_"));
			});
		})));
	}

	private static RateLimiter limiter(AssertableApplicationContext context) {
		return context.getBean(RateLimiterRegistry.class).get("shared");
	}

	private static Hammered hammer(List<RateLimiter> limiters) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(limiters.size() * THREADS_PER_APPLICATION);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<List<Future<Long>>> results = new ArrayList<>();
			for (RateLimiter limiter : limiters) {
				List<Future<Long>> ofLimiter = new ArrayList<>();
				for (int i = 0; i < THREADS_PER_APPLICATION; i++) {
					ofLimiter.add(executor.submit(() -> {
						go.await();
						long deadline = System.nanoTime() + RUN.toNanos();
						long admitted = 0;
						while (System.nanoTime() - deadline < 0) {
							if (limiter.reserve(RateLimiter.DEFAULT_KEY, 0) == 0) {
								admitted++;
							}
						}
						return admitted;
					}));
				}
				results.add(ofLimiter);
			}
			long start = System.nanoTime();
			go.countDown();
			List<Long> admittedBy = new ArrayList<>();
			for (List<Future<Long>> ofLimiter : results) {
				long admitted = 0;
				for (Future<Long> result : ofLimiter) {
					admitted += result.get(RUN.toMillis() + 10_000, TimeUnit.MILLISECONDS);
				}
				admittedBy.add(admitted);
			}
			long elapsed = System.nanoTime() - start;
			return new Hammered(admittedBy.stream().mapToLong(Long::longValue).sum(), admittedBy, elapsed);
		}
		finally {
			executor.shutdownNow();
		}
	}

	private record Hammered(long admitted, List<Long> admittedBy, long elapsedNanos) {
	}

}
