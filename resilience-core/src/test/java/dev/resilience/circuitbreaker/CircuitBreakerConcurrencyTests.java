package dev.resilience.circuitbreaker;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.resilience.circuitbreaker.CircuitBreaker.State;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static dev.resilience.circuitbreaker.Calls.transitions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests for {@link CircuitBreaker} under contention.
 *
 * @author Resilience
 */
class CircuitBreakerConcurrencyTests {

	private static final int THREADS = 16;

	private static final int CALLS_PER_THREAD = 500;

	private final FakeTimeSource clock = new FakeTimeSource();

	@RepeatedTest(5)
	void opensExactlyOnceWhenManyThreadsReachTheThreshold() throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(THREADS);
		try {
			hammerUntilOpen(executor);
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void opensExactlyOnceWhenManyVirtualThreadsReachTheThreshold() throws Exception {
		ExecutorService executor = virtualThreadExecutor();
		try {
			hammerUntilOpen(executor);
			hammerUntilOpen(executor);
		}
		finally {
			executor.shutdownNow();
		}
	}

	@RepeatedTest(5)
	void admitsExactlyThePermittedTrialCallsUnderContention() throws Exception {
		CircuitBreaker breaker = Calls.breaker(CircuitBreakerConfig.builder()
			.waitDurationInOpenState(Duration.ofSeconds(10))
			.permittedCallsInHalfOpenState(5)
			.build(), this.clock);
		breaker.transitionTo(State.OPEN);
		this.clock.advanceSeconds(10);
		ExecutorService executor = Executors.newFixedThreadPool(THREADS);
		try {
			List<Boolean> permitted = runTogether(executor, breaker::tryAcquirePermission);
			assertThat(permitted).filteredOn(Boolean::booleanValue).hasSize(5);
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
		assertThat(transitions(breaker)).containsExactly("CLOSED -> OPEN", "OPEN -> HALF_OPEN");
		assertThat(breaker.metrics().notPermittedCalls()).isEqualTo(THREADS - 5);
	}

	@RepeatedTest(5)
	void reachesTheHalfOpenVerdictExactlyOnceUnderContention() throws Exception {
		CircuitBreaker breaker = Calls.breaker(CircuitBreakerConfig.builder()
			.waitDurationInOpenState(Duration.ofSeconds(10))
			.permittedCallsInHalfOpenState(THREADS)
			.build(), this.clock);
		breaker.transitionTo(State.OPEN);
		this.clock.advanceSeconds(10);
		for (int i = 0; i < THREADS; i++) {
			breaker.acquirePermission();
		}
		ExecutorService executor = Executors.newFixedThreadPool(THREADS);
		try {
			runTogether(executor, () -> {
				breaker.onError(0, Calls.TRANSIENT);
				return null;
			});
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(breaker.state()).isEqualTo(State.OPEN);
		assertThat(transitions(breaker)).containsExactly("CLOSED -> OPEN", "OPEN -> HALF_OPEN", "HALF_OPEN -> OPEN");
		assertThat(breaker.metrics().failedCalls()).isEqualTo(THREADS / 2);
	}

	@Test
	void makesOnlyLegalTransitionsWhileCyclingUnderContention() throws Exception {
		CircuitBreaker breaker = Calls.breaker(CircuitBreakerConfig.builder()
			.slidingWindowSize(10)
			.minimumNumberOfCalls(10)
			.waitDurationInOpenState(Duration.ZERO)
			.permittedCallsInHalfOpenState(3)
			.build(), this.clock);
		AtomicInteger calls = new AtomicInteger();
		ExecutorService executor = Executors.newFixedThreadPool(THREADS);
		try {
			runTogether(executor, () -> {
				for (int i = 0; i < CALLS_PER_THREAD; i++) {
					if (breaker.tryAcquirePermission()) {
						calls.incrementAndGet();
						if (i % 2 == 0) {
							breaker.onError(0, Calls.TRANSIENT);
						}
						else {
							breaker.onSuccess(0);
						}
					}
				}
				return null;
			});
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(breaker.events().totalCount()).isPositive();
		assertThat(transitions(breaker))
			.isSubsetOf(Set.of("CLOSED -> OPEN", "OPEN -> HALF_OPEN", "HALF_OPEN -> OPEN", "HALF_OPEN -> CLOSED"));
		assertThat(calls.get() + breaker.metrics().notPermittedCalls()).isEqualTo(THREADS * CALLS_PER_THREAD);
	}

	private void hammerUntilOpen(ExecutorService executor) throws Exception {
		CircuitBreaker breaker = Calls.breaker(CircuitBreakerConfig.builder()
			.slidingWindowSize(50)
			.minimumNumberOfCalls(50)
			.failureRateThreshold(50)
			.waitDurationInOpenState(Duration.ofSeconds(60))
			.build(), this.clock);
		AtomicInteger permitted = new AtomicInteger();
		runTogether(executor, () -> {
			for (int i = 0; i < CALLS_PER_THREAD; i++) {
				if (breaker.tryAcquirePermission()) {
					permitted.incrementAndGet();
					// 3 failures in 5 calls: just above the threshold, so many threads
					// see it reached at about the same time
					if (i % 5 < 3) {
						breaker.onError(0, Calls.TRANSIENT);
					}
					else {
						breaker.onSuccess(0);
					}
				}
			}
			return null;
		});
		assertThat(breaker.state()).isEqualTo(State.OPEN);
		assertThat(transitions(breaker)).containsExactly("CLOSED -> OPEN");
		assertThat(permitted.get() + breaker.metrics().notPermittedCalls()).isEqualTo(THREADS * CALLS_PER_THREAD);
	}

	/**
	 * Run the task on {@link #THREADS} threads released at once, and return what each
	 * returned.
	 */
	private static <T> List<T> runTogether(ExecutorService executor, Callable<T> task) throws Exception {
		CountDownLatch ready = new CountDownLatch(THREADS);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<T>> futures = new ArrayList<>();
		for (int i = 0; i < THREADS; i++) {
			futures.add(executor.submit(() -> {
				ready.countDown();
				start.await();
				return task.call();
			}));
		}
		assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
		start.countDown();
		List<T> results = new ArrayList<>();
		for (Future<T> future : futures) {
			results.add(future.get(30, TimeUnit.SECONDS));
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
