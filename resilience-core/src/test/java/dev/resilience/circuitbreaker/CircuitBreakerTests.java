package dev.resilience.circuitbreaker;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.resilience.circuitbreaker.CircuitBreaker.State;
import dev.resilience.core.ResilienceEvent;
import dev.resilience.testsupport.ManualTimeSource;
import org.junit.jupiter.api.Test;

import static dev.resilience.circuitbreaker.Calls.fail;
import static dev.resilience.circuitbreaker.Calls.succeed;
import static dev.resilience.circuitbreaker.Calls.transitions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for the states and transitions of {@link CircuitBreaker}.
 *
 * @author Resilience
 */
class CircuitBreakerTests {

	private final ManualTimeSource clock = new ManualTimeSource();

	private final CircuitBreakerConfig config = CircuitBreakerConfig.builder()
		.slidingWindowSize(10)
		.minimumNumberOfCalls(10)
		.failureRateThreshold(50)
		.waitDurationInOpenState(Duration.ofSeconds(60))
		.permittedCallsInHalfOpenState(2)
		.build();

	private final CircuitBreaker breaker = Calls.breaker(this.config, this.clock);

	@Test
	void startsClosedAndPermitsCalls() {
		assertThat(this.breaker.state()).isEqualTo(State.CLOSED);
		assertThat(this.breaker.name()).isEqualTo("inventory");
		assertThat(this.breaker.config()).isSameAs(this.config);
		assertThat(this.breaker.tryAcquirePermission()).isTrue();
		this.breaker.acquirePermission();
		assertThat(this.breaker.events().recent()).isEmpty();
	}

	@Test
	void opensWhenFailureRateReachesThreshold() {
		succeed(this.breaker, 5);
		fail(this.breaker, 4);
		assertThat(this.breaker.state()).isEqualTo(State.CLOSED);
		fail(this.breaker, 1);
		assertThat(this.breaker.state()).isEqualTo(State.OPEN);
		assertThat(transitions(this.breaker)).containsExactly("CLOSED -> OPEN");
	}

	@Test
	void staysClosedBelowFailureRateThreshold() {
		succeed(this.breaker, 6);
		fail(this.breaker, 4);
		assertThat(this.breaker.state()).isEqualTo(State.CLOSED);
		assertThat(this.breaker.metrics().failureRate()).isEqualTo(40f);
	}

	@Test
	void doesNotOpenBeforeMinimumNumberOfCalls() {
		fail(this.breaker, 9);
		assertThat(this.breaker.state()).isEqualTo(State.CLOSED);
		assertThat(this.breaker.metrics().failureRate()).isEqualTo(-1f);
		fail(this.breaker, 1);
		assertThat(this.breaker.state()).isEqualTo(State.OPEN);
	}

	@Test
	void opensWhenSlowCallRateReachesThreshold() {
		CircuitBreaker breaker = Calls.breaker(this.config.toBuilder()
			.slowCallDurationThreshold(Duration.ofSeconds(2))
			.slowCallRateThreshold(30)
			.build(), this.clock);
		succeed(breaker, 7);
		succeed(breaker, 2, Duration.ofSeconds(2));
		assertThat(breaker.state()).isEqualTo(State.CLOSED);
		succeed(breaker, 1, Duration.ofSeconds(5));
		assertThat(breaker.state()).isEqualTo(State.OPEN);
		assertThat(breaker.metrics().slowCallRate()).isEqualTo(30f);
		assertThat(breaker.metrics().failureRate()).isZero();
		assertThat(breaker.events().recent()).singleElement().satisfies((event) -> assertThat(event.error()).isNull());
	}

	@Test
	void callJustUnderSlowCallDurationThresholdIsNotSlow() {
		CircuitBreaker breaker = Calls.breaker(this.config.toBuilder()
			.slowCallDurationThreshold(Duration.ofSeconds(2))
			.slowCallRateThreshold(100)
			.build(), this.clock);
		succeed(breaker, 10, Duration.ofSeconds(2).minusNanos(1));
		assertThat(breaker.state()).isEqualTo(State.CLOSED);
		assertThat(breaker.metrics().slowCalls()).isZero();
	}

	@Test
	void slowFailuresCountForBothRates() {
		CircuitBreaker breaker = Calls.breaker(this.config.toBuilder()
			.failureRateThreshold(100)
			.slowCallDurationThreshold(Duration.ofSeconds(1))
			.slowCallRateThreshold(50)
			.build(), this.clock);
		succeed(breaker, 5);
		fail(breaker, 4, Duration.ofSeconds(1));
		assertThat(breaker.state()).isEqualTo(State.CLOSED);
		fail(breaker, 1, Duration.ofSeconds(1));
		assertThat(breaker.state()).isEqualTo(State.OPEN);
		assertThat(breaker.metrics().failedCalls()).isEqualTo(5);
		assertThat(breaker.metrics().slowCalls()).isEqualTo(5);
	}

	@Test
	void rejectsCallsWhileOpenWithTimeLeft() {
		open();
		this.clock.advanceSeconds(20);
		assertThat(this.breaker.tryAcquirePermission()).isFalse();
		assertThatExceptionOfType(CircuitBreakerOpenException.class).isThrownBy(this.breaker::acquirePermission)
			.satisfies((ex) -> {
				assertThat(ex.getState()).isEqualTo(State.OPEN);
				assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(40));
				assertThat(ex.getInstanceName()).isEqualTo("inventory");
			})
			.withMessage("CircuitBreaker 'inventory' is OPEN and permits no calls; retry after 40s");
	}

	@Test
	void staysOpenUntilWaitDurationHasPassed() {
		open();
		this.clock.advance(Duration.ofSeconds(60).minusNanos(1));
		assertThatExceptionOfType(CircuitBreakerOpenException.class).isThrownBy(this.breaker::acquirePermission)
			.satisfies((ex) -> assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofNanos(1)));
		assertThat(this.breaker.state()).isEqualTo(State.OPEN);
	}

	@Test
	void movesToHalfOpenOnFirstCallAfterWaitDuration() {
		open();
		this.clock.advanceSeconds(60);
		assertThat(this.breaker.state()).isEqualTo(State.OPEN);
		assertThat(this.breaker.tryAcquirePermission()).isTrue();
		assertThat(this.breaker.state()).isEqualTo(State.HALF_OPEN);
		assertThat(transitions(this.breaker)).containsExactly("CLOSED -> OPEN", "OPEN -> HALF_OPEN");
	}

	@Test
	void movesToHalfOpenOnNextCallWhenWaitDurationIsZero() {
		CircuitBreaker breaker = Calls.breaker(this.config.toBuilder().waitDurationInOpenState(Duration.ZERO).build(),
				this.clock);
		fail(breaker, 10);
		assertThat(breaker.state()).isEqualTo(State.OPEN);
		assertThat(breaker.tryAcquirePermission()).isTrue();
		assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
	}

	@Test
	void closesWithEmptyWindowWhenTrialCallsSucceed() {
		open();
		this.clock.advanceSeconds(60);
		succeed(this.breaker, 2);
		assertThat(this.breaker.state()).isEqualTo(State.CLOSED);
		assertThat(this.breaker.metrics().bufferedCalls()).isZero();
		assertThat(this.breaker.metrics().failureRate()).isEqualTo(-1f);
		assertThat(transitions(this.breaker)).containsExactly("CLOSED -> OPEN", "OPEN -> HALF_OPEN",
				"HALF_OPEN -> CLOSED");
		fail(this.breaker, 9);
		assertThat(this.breaker.state()).as("a fresh window needs its minimum again").isEqualTo(State.CLOSED);
	}

	@Test
	void reopensForAnotherFullWaitWhenTrialCallsFail() {
		open();
		this.clock.advanceSeconds(75);
		fail(this.breaker, 1);
		assertThat(this.breaker.state()).isEqualTo(State.OPEN);
		assertThatExceptionOfType(CircuitBreakerOpenException.class).isThrownBy(this.breaker::acquirePermission)
			.satisfies((ex) -> assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(60)));
		assertThat(transitions(this.breaker)).containsExactly("CLOSED -> OPEN", "OPEN -> HALF_OPEN",
				"HALF_OPEN -> OPEN");
	}

	@Test
	void recordsTransitionsWithTimeAndCausingError() {
		this.clock.advanceSeconds(5);
		open();
		List<ResilienceEvent> events = this.breaker.events().recent();
		assertThat(events).singleElement().satisfies((event) -> {
			assertThat(event.type()).isEqualTo("STATE_TRANSITION");
			assertThat(event.message()).isEqualTo("CLOSED -> OPEN");
			assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-01-01T00:00:05Z"));
			assertThat(event.error()).isEqualTo("java.io.IOException: connection reset");
		});
	}

	@Test
	void rejectsManualTransitionToHalfOpen() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.breaker.transitionTo(State.HALF_OPEN))
			.withMessageContaining("HALF_OPEN");
		assertThat(this.breaker.state()).isEqualTo(State.CLOSED);
		assertThat(this.breaker.events().recent()).isEmpty();
	}

	@Test
	void manualTransitionToOpenWaitsTheFullDuration() {
		this.breaker.transitionTo(State.OPEN);
		assertThat(this.breaker.state()).isEqualTo(State.OPEN);
		assertThatExceptionOfType(CircuitBreakerOpenException.class).isThrownBy(this.breaker::acquirePermission)
			.satisfies((ex) -> assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(60)));
		this.clock.advanceSeconds(60);
		assertThat(this.breaker.tryAcquirePermission()).isTrue();
		assertThat(transitions(this.breaker)).containsExactly("CLOSED -> OPEN", "OPEN -> HALF_OPEN");
	}

	@Test
	void forcedOpenRejectsEveryCallWithoutRetryAfterUntilChangedByHand() {
		this.breaker.transitionTo(State.FORCED_OPEN);
		this.clock.advance(Duration.ofDays(1));
		assertThat(this.breaker.tryAcquirePermission()).isFalse();
		assertThatExceptionOfType(CircuitBreakerOpenException.class).isThrownBy(this.breaker::acquirePermission)
			.satisfies((ex) -> {
				assertThat(ex.getState()).isEqualTo(State.FORCED_OPEN);
				assertThat(ex.getRetryAfter()).isNull();
			})
			.withMessage("CircuitBreaker 'inventory' is FORCED_OPEN and permits no calls");
		assertThat(this.breaker.state()).isEqualTo(State.FORCED_OPEN);
		this.breaker.transitionTo(State.CLOSED);
		assertThat(this.breaker.tryAcquirePermission()).isTrue();
		assertThat(transitions(this.breaker)).containsExactly("CLOSED -> FORCED_OPEN", "FORCED_OPEN -> CLOSED");
	}

	@Test
	void disabledPermitsEveryCallAndRecordsNothing() {
		fail(this.breaker, 3);
		this.breaker.transitionTo(State.DISABLED);
		fail(this.breaker, 50);
		succeed(this.breaker, 5, Duration.ofMinutes(5));
		assertThat(this.breaker.state()).isEqualTo(State.DISABLED);
		assertThat(this.breaker.metrics().bufferedCalls()).isEqualTo(3);
		assertThat(this.breaker.metrics().failedCalls()).isEqualTo(3);
		assertThat(transitions(this.breaker)).containsExactly("CLOSED -> DISABLED");
	}

	@Test
	void disabledLeavesAnOpenBreakerOnlyByHand() {
		open();
		this.breaker.transitionTo(State.DISABLED);
		assertThat(this.breaker.tryAcquirePermission()).isTrue();
		this.breaker.transitionTo(State.CLOSED);
		assertThat(this.breaker.metrics().bufferedCalls()).isZero();
		assertThat(transitions(this.breaker)).containsExactly("CLOSED -> OPEN", "OPEN -> DISABLED",
				"DISABLED -> CLOSED");
	}

	@Test
	void manualTransitionToClosedStartsEmptyWindow() {
		fail(this.breaker, 9);
		this.breaker.transitionTo(State.OPEN);
		this.breaker.transitionTo(State.CLOSED);
		assertThat(this.breaker.metrics().bufferedCalls()).isZero();
		fail(this.breaker, 9);
		assertThat(this.breaker.state()).isEqualTo(State.CLOSED);
	}

	@Test
	void manualTransitionToCurrentStateChangesNothing() {
		fail(this.breaker, 4);
		this.breaker.transitionTo(State.CLOSED);
		assertThat(this.breaker.metrics().bufferedCalls()).isEqualTo(4);
		this.breaker.transitionTo(State.FORCED_OPEN);
		this.breaker.transitionTo(State.FORCED_OPEN);
		assertThat(transitions(this.breaker)).containsExactly("CLOSED -> FORCED_OPEN");
	}

	@Test
	void manualTransitionOutOfHalfOpenIsAllowed() {
		open();
		this.clock.advanceSeconds(60);
		this.breaker.acquirePermission();
		this.breaker.transitionTo(State.FORCED_OPEN);
		assertThat(this.breaker.state()).isEqualTo(State.FORCED_OPEN);
		assertThat(transitions(this.breaker)).endsWith("HALF_OPEN -> FORCED_OPEN");
	}

	@Test
	void worksAcrossNanoTimeOverflow() {
		ManualTimeSource clock = new ManualTimeSource(Long.MAX_VALUE - Duration.ofSeconds(30).toNanos());
		CircuitBreaker breaker = Calls.breaker(this.config, clock);
		fail(breaker, 10);
		clock.advanceSeconds(59);
		assertThat(breaker.tryAcquirePermission()).isFalse();
		clock.advanceSeconds(1);
		assertThat(breaker.tryAcquirePermission()).isTrue();
		assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
	}

	@Test
	void hugeWaitDurationKeepsBreakerOpen() {
		CircuitBreaker breaker = Calls.breaker(
				this.config.toBuilder().waitDurationInOpenState(Duration.ofSeconds(Long.MAX_VALUE)).build(),
				this.clock);
		fail(breaker, 10);
		this.clock.advance(Duration.ofDays(365 * 100));
		assertThat(breaker.tryAcquirePermission()).isFalse();
	}

	@Test
	void describesItselfWithNameAndState() {
		assertThat(this.breaker).hasToString("CircuitBreaker 'inventory' (CLOSED)");
	}

	private void open() {
		fail(this.breaker, 10);
		assertThat(this.breaker.state()).isEqualTo(State.OPEN);
	}

}
