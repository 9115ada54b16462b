package dev.resilience.circuitbreaker;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import dev.resilience.circuitbreaker.CircuitBreaker.State;
import dev.resilience.testsupport.Concurrently;
import dev.resilience.testsupport.ManualTimeSource;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static dev.resilience.circuitbreaker.Calls.transitions;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CircuitBreaker} under contention.
 *
 * @author Resilience
 */
class CircuitBreakerConcurrencyTests {

	private static final int THREADS = 16;

	private static final int CALLS_PER_THREAD = 500;

	private final ManualTimeSource clock = new ManualTimeSource();

	@RepeatedTest(5)
	void opensExactlyOnceWhenManyThreadsReachTheThreshold() throws Exception {
		hammerUntilOpen(Concurrently.onPlatformThreads(THREADS));
	}

	@Test
	void opensExactlyOnceWhenManyVirtualThreadsReachTheThreshold() throws Exception {
		Concurrently virtualThreads = Concurrently.onVirtualThreads(THREADS);
		hammerUntilOpen(virtualThreads);
		hammerUntilOpen(virtualThreads);
	}

	@RepeatedTest(5)
	void admitsExactlyThePermittedTrialCallsUnderContention() throws Exception {
		CircuitBreaker breaker = Calls.breaker(CircuitBreakerConfig.builder()
			.waitDurationInOpenState(Duration.ofSeconds(10))
			.permittedCallsInHalfOpenState(5)
			.build(), this.clock);
		breaker.transitionTo(State.OPEN);
		this.clock.advanceSeconds(10);
		List<Boolean> permitted = Concurrently.runTogether(THREADS, breaker::tryAcquirePermission);
		assertThat(permitted).filteredOn(Boolean::booleanValue).hasSize(5);
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
		Concurrently.runTogether(THREADS, () -> {
			breaker.onError(0, Calls.TRANSIENT);
			return null;
		});
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
		Concurrently.runTogether(THREADS, () -> {
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
		assertThat(breaker.events().totalCount()).isPositive();
		assertThat(transitions(breaker))
			.isSubsetOf(Set.of("CLOSED -> OPEN", "OPEN -> HALF_OPEN", "HALF_OPEN -> OPEN", "HALF_OPEN -> CLOSED"));
		assertThat(calls.get() + breaker.metrics().notPermittedCalls()).isEqualTo(THREADS * CALLS_PER_THREAD);
	}

	private void hammerUntilOpen(Concurrently threads) throws Exception {
		CircuitBreaker breaker = Calls.breaker(CircuitBreakerConfig.builder()
			.slidingWindowSize(50)
			.minimumNumberOfCalls(50)
			.failureRateThreshold(50)
			.waitDurationInOpenState(Duration.ofSeconds(60))
			.build(), this.clock);
		AtomicInteger permitted = new AtomicInteger();
		threads.runTogether(() -> {
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

}
