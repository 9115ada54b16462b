package dev.resilience.circuitbreaker;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import dev.resilience.circuitbreaker.CircuitBreaker.Outcome;
import dev.resilience.circuitbreaker.CircuitBreaker.State;
import dev.resilience.core.ExceptionTypes;
import dev.resilience.core.ResilienceException;
import dev.resilience.testsupport.ManualTimeSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for how {@link CircuitBreaker} classifies and reports the outcome of calls.
 *
 * @author Resilience
 */
class CircuitBreakerRecordingTests {

	private final ManualTimeSource clock = new ManualTimeSource();

	private final CircuitBreakerConfig config = CircuitBreakerConfig.builder()
		.slidingWindowSize(10)
		.minimumNumberOfCalls(10)
		.failureRateThreshold(50)
		.slowCallDurationThreshold(Duration.ofSeconds(1))
		.build();

	private final List<Outcome> outcomes = new ArrayList<>();

	private final List<Long> durations = new ArrayList<>();

	@Test
	void recordsTransientErrorsAsFailures() {
		CircuitBreaker breaker = observed(this.config);
		call(breaker, new IOException("reset"));
		call(breaker, new TimeoutException());
		call(breaker, new IllegalStateException("anything not known to be permanent"));
		assertThat(breaker.metrics().failedCalls()).isEqualTo(3);
		assertThat(this.outcomes).containsOnly(Outcome.FAILURE);
	}

	@Test
	void ignoresPermanentErrors() {
		CircuitBreaker breaker = observed(this.config);
		call(breaker, new IllegalArgumentException("bad sku"));
		assertThat(breaker.metrics().bufferedCalls()).isZero();
		assertThat(breaker.state()).isEqualTo(State.CLOSED);
		assertThat(this.outcomes).containsExactly(Outcome.IGNORED);
	}

	@Test
	void ignoresPolicyRejections() {
		CircuitBreaker breaker = observed(this.config);
		call(breaker, new TestRejection(true));
		call(breaker, new CircuitBreakerOpenException("payments", State.OPEN, Duration.ofSeconds(3)));
		assertThat(breaker.metrics().bufferedCalls()).isZero();
		assertThat(this.outcomes).containsExactly(Outcome.IGNORED, Outcome.IGNORED);
	}

	@Test
	void recordsOtherResilienceRejectionsAsFailures() {
		CircuitBreaker breaker = observed(this.config);
		call(breaker, new TestRejection(false));
		assertThat(breaker.metrics().failedCalls()).isEqualTo(1);
		assertThat(this.outcomes).containsExactly(Outcome.FAILURE);
	}

	@Test
	void recordsOnlyRecordExceptionsAsFailuresAndOthersAsSuccesses() {
		CircuitBreaker breaker = observed(
				this.config.toBuilder().recordExceptions(ExceptionTypes.of(List.of(IOException.class))).build());
		call(breaker, new FileNotFoundException("subtype"));
		call(breaker, new IllegalStateException("not listed"));
		call(breaker, new IllegalArgumentException("permanent, but not listed"));
		call(breaker, new TestRejection(true));
		assertThat(breaker.metrics().bufferedCalls()).isEqualTo(4);
		assertThat(breaker.metrics().failedCalls()).isEqualTo(1);
		assertThat(breaker.metrics().successfulCalls()).isEqualTo(3);
		assertThat(this.outcomes).containsExactly(Outcome.FAILURE, Outcome.SUCCESS, Outcome.SUCCESS, Outcome.SUCCESS);
	}

	@Test
	void recordsPolicyRejectionWhenListedInRecordExceptions() {
		CircuitBreaker breaker = observed(
				this.config.toBuilder().recordExceptions(ExceptionTypes.of(List.of(TestRejection.class))).build());
		call(breaker, new TestRejection(true));
		assertThat(breaker.metrics().failedCalls()).isEqualTo(1);
	}

	@Test
	void ignoreExceptionsWinOverRecordExceptions() {
		CircuitBreaker breaker = observed(this.config.toBuilder()
			.recordExceptions(ExceptionTypes.of(List.of(IOException.class)))
			.ignoreExceptions(ExceptionTypes.of(List.of(FileNotFoundException.class)))
			.build());
		call(breaker, new FileNotFoundException());
		call(breaker, new IOException());
		assertThat(this.outcomes).containsExactly(Outcome.IGNORED, Outcome.FAILURE);
		assertThat(breaker.metrics().bufferedCalls()).isEqualTo(1);
	}

	@Test
	void ignoreExceptionsWinOverClassifier() {
		CircuitBreaker breaker = observed(
				this.config.toBuilder().ignoreExceptions(ExceptionTypes.of(List.of(IOException.class))).build());
		call(breaker, new FileNotFoundException());
		assertThat(this.outcomes).containsExactly(Outcome.IGNORED);
		assertThat(breaker.metrics().bufferedCalls()).isZero();
	}

	@Test
	void classifiesTheErrorBehindAsyncWrappers() {
		CircuitBreaker breaker = observed(this.config);
		call(breaker, new CompletionException(new IllegalArgumentException("bad sku")));
		call(breaker, new ExecutionException(new CompletionException(new IOException("reset"))));
		assertThat(this.outcomes).containsExactly(Outcome.IGNORED, Outcome.FAILURE);
	}

	@Test
	void namesTheUnwrappedErrorOnTheTransitionItCauses() {
		CircuitBreaker breaker = observed(this.config.toBuilder().minimumNumberOfCalls(1).build());
		call(breaker, new CompletionException(new IOException("reset")));
		assertThat(breaker.events().recent()).singleElement()
			.satisfies((event) -> assertThat(event.error()).isEqualTo("java.io.IOException: reset"));
	}

	@Test
	void usesTheGivenErrorClassifier() {
		CircuitBreaker breaker = new CircuitBreaker("inventory", this.config,
				(failure) -> failure instanceof IllegalArgumentException, this.clock);
		breaker.addCallObserver((outcome, duration) -> this.outcomes.add(outcome));
		call(breaker, new IOException());
		call(breaker, new IllegalArgumentException());
		assertThat(this.outcomes).containsExactly(Outcome.IGNORED, Outcome.FAILURE);
	}

	@Test
	void tellsObserversEveryOutcomeWithItsDuration() {
		CircuitBreaker breaker = observed(this.config.toBuilder().minimumNumberOfCalls(4).build());
		breaker.acquirePermission();
		breaker.onSuccess(Duration.ofMillis(10).toNanos());
		breaker.acquirePermission();
		breaker.onSuccess(Duration.ofSeconds(1).toNanos());
		breaker.acquirePermission();
		breaker.onError(Duration.ofMillis(20).toNanos(), new IOException());
		breaker.acquirePermission();
		breaker.onError(Duration.ofMillis(30).toNanos(), new IllegalArgumentException());
		breaker.acquirePermission();
		breaker.onError(Duration.ofSeconds(2).toNanos(), new IOException());
		assertThat(breaker.state()).isEqualTo(State.OPEN);
		assertThat(breaker.tryAcquirePermission()).isFalse();
		assertThat(this.outcomes).containsExactly(Outcome.SUCCESS, Outcome.SLOW_SUCCESS, Outcome.FAILURE,
				Outcome.IGNORED, Outcome.SLOW_FAILURE, Outcome.NOT_PERMITTED);
		assertThat(this.durations).containsExactly(Duration.ofMillis(10).toNanos(), Duration.ofSeconds(1).toNanos(),
				Duration.ofMillis(20).toNanos(), Duration.ofMillis(30).toNanos(), Duration.ofSeconds(2).toNanos(), 0L);
	}

	@Test
	void reportsSlowSuccessForSlowErrorCountedAsSuccess() {
		CircuitBreaker breaker = observed(
				this.config.toBuilder().recordExceptions(ExceptionTypes.of(List.of(IOException.class))).build());
		breaker.acquirePermission();
		breaker.onError(Duration.ofSeconds(5).toNanos(), new IllegalStateException());
		assertThat(this.outcomes).containsExactly(Outcome.SLOW_SUCCESS);
		assertThat(breaker.metrics().slowCalls()).isEqualTo(1);
	}

	@Test
	void tellsObserversOfRejectionByAcquirePermission() {
		CircuitBreaker breaker = observed(this.config);
		breaker.transitionTo(State.FORCED_OPEN);
		try {
			breaker.acquirePermission();
		}
		catch (CircuitBreakerOpenException ex) {
			// expected
		}
		assertThat(this.outcomes).containsExactly(Outcome.NOT_PERMITTED);
		assertThat(this.durations).containsExactly(0L);
	}

	@Test
	void tellsEveryObserverInTheOrderAdded() {
		CircuitBreaker breaker = Calls.breaker(this.config, this.clock);
		List<String> calls = new ArrayList<>();
		breaker.addCallObserver((outcome, duration) -> calls.add("first " + outcome));
		breaker.addCallObserver((outcome, duration) -> calls.add("second " + outcome));
		breaker.acquirePermission();
		breaker.onSuccess(0);
		assertThat(calls).containsExactly("first SUCCESS", "second SUCCESS");
	}

	@Test
	void tellsNoObserverWhileDisabled() {
		CircuitBreaker breaker = observed(this.config);
		breaker.transitionTo(State.DISABLED);
		call(breaker, new IOException());
		breaker.acquirePermission();
		breaker.onSuccess(0);
		assertThat(this.outcomes).isEmpty();
	}

	@Test
	void exposesItsClockToTimeCalls() {
		CircuitBreaker breaker = Calls.breaker(this.config, this.clock);
		long start = breaker.nanoTime();
		this.clock.advance(Duration.ofMillis(1500));
		assertThat(breaker.nanoTime() - start).isEqualTo(Duration.ofMillis(1500).toNanos());
	}

	private CircuitBreaker observed(CircuitBreakerConfig config) {
		CircuitBreaker breaker = Calls.breaker(config, this.clock);
		breaker.addCallObserver((outcome, duration) -> {
			this.outcomes.add(outcome);
			this.durations.add(duration);
		});
		return breaker;
	}

	private static void call(CircuitBreaker breaker, Throwable error) {
		breaker.acquirePermission();
		breaker.onError(0, error);
	}

	static final class TestRejection extends ResilienceException {

		private final boolean policy;

		TestRejection(boolean policy) {
			super("limiter", "rejected", false);
			this.policy = policy;
		}

		@Override
		public boolean isPolicyRejection() {
			return this.policy;
		}

	}

}
