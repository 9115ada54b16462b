package dev.resilience.circuitbreaker;

import java.time.Duration;

import dev.resilience.circuitbreaker.CircuitBreaker.State;
import dev.resilience.testsupport.ManualTimeSource;
import org.junit.jupiter.api.Test;

import static dev.resilience.circuitbreaker.Calls.fail;
import static dev.resilience.circuitbreaker.Calls.succeed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CountWindow} and {@link TimeWindow}.
 *
 * @author Resilience
 */
class SlidingWindowTests {

	private final ManualTimeSource clock = new ManualTimeSource();

	@Test
	void countWindowKeepsOnlyTheLastCalls() {
		CountWindow window = new CountWindow(4, 4, 100, 100);
		window.record(true, true);
		window.record(true, false);
		window.record(false, false);
		window.record(false, false);
		assertThat(window.failureRate()).isEqualTo(50f);
		assertThat(window.slowCallRate()).isEqualTo(25f);
		window.record(false, false);
		assertThat(window.bufferedCalls()).isEqualTo(4);
		assertThat(window.failureRate()).isEqualTo(25f);
		assertThat(window.slowCallRate()).isZero();
		window.record(false, true);
		assertThat(window.failedCalls()).isZero();
		assertThat(window.slowCalls()).isEqualTo(1);
		assertThat(window.successfulCalls()).isEqualTo(4);
	}

	@Test
	void countWindowRollsOverManyTimes() {
		CountWindow window = new CountWindow(3, 3, 100, 100);
		for (int i = 0; i < 1000; i++) {
			window.record(i % 3 == 0, false);
		}
		assertThat(window.bufferedCalls()).isEqualTo(3);
		assertThat(window.failedCalls()).isEqualTo(1);
	}

	@Test
	void countWindowReportsWhenAThresholdIsReached() {
		CountWindow window = new CountWindow(4, 2, 50, 75);
		assertThat(window.record(true, false)).as("below minimum").isFalse();
		assertThat(window.record(false, true)).as("failure rate 50").isTrue();
		assertThat(window.record(false, true)).as("failure rate 33, slow 67").isFalse();
		assertThat(window.record(false, true)).as("slow rate 75").isTrue();
	}

	@Test
	void countWindowNeverWaitsForMoreCallsThanItHolds() {
		CountWindow window = new CountWindow(3, 10, 50, 100);
		assertThat(window.record(true, false)).isFalse();
		assertThat(window.record(true, false)).isFalse();
		assertThat(window.record(true, false)).isTrue();
		assertThat(window.failureRate()).isEqualTo(100f);
	}

	@Test
	void timeWindowForgetsCallsOlderThanItsSize() {
		TimeWindow window = new TimeWindow(10, 1, 100, 100, this.clock);
		window.record(true, false);
		window.record(false, true);
		this.clock.advance(Duration.ofSeconds(10).minusNanos(1));
		assertThat(window.bufferedCalls()).isEqualTo(2);
		this.clock.advance(Duration.ofNanos(1));
		assertThat(window.bufferedCalls()).isZero();
		assertThat(window.failedCalls()).isZero();
		assertThat(window.slowCalls()).isZero();
		assertThat(window.failureRate()).isEqualTo(-1f);
	}

	@Test
	void timeWindowForgetsEachSecondInTurn() {
		TimeWindow window = new TimeWindow(10, 1, 100, 100, this.clock);
		window.record(true, false);
		this.clock.advanceSeconds(3);
		window.record(false, false);
		window.record(false, false);
		this.clock.advanceSeconds(6);
		window.record(true, false);
		assertThat(window.bufferedCalls()).isEqualTo(4);
		this.clock.advanceSeconds(1);
		assertThat(window.bufferedCalls()).isEqualTo(3);
		assertThat(window.failureRate()).isEqualTo(100f / 3);
		this.clock.advanceSeconds(3);
		assertThat(window.bufferedCalls()).isEqualTo(1);
		assertThat(window.failedCalls()).isEqualTo(1);
	}

	@Test
	void timeWindowForgetsEverythingAfterLongSilence() {
		TimeWindow window = new TimeWindow(5, 1, 100, 100, this.clock);
		for (int second = 0; second < 5; second++) {
			window.record(true, true);
			this.clock.advanceSeconds(1);
		}
		assertThat(window.bufferedCalls()).isEqualTo(4);
		this.clock.advance(Duration.ofHours(1));
		assertThat(window.bufferedCalls()).isZero();
		window.record(false, false);
		assertThat(window.bufferedCalls()).isEqualTo(1);
		assertThat(window.failedCalls()).isZero();
	}

	@Test
	void timeWindowAppliesMinimumNumberOfCalls() {
		TimeWindow window = new TimeWindow(1, 3, 50, 100, this.clock);
		assertThat(window.record(true, false)).isFalse();
		assertThat(window.record(true, false)).isFalse();
		assertThat(window.failureRate()).isEqualTo(-1f);
		assertThat(window.record(true, false)).isTrue();
	}

	@Test
	void breakerWithTimeWindowJudgesOnlyRecentCalls() {
		CircuitBreakerConfig config = CircuitBreakerConfig.builder()
			.slidingWindowType(SlidingWindowType.TIME)
			.slidingWindowSize(10)
			.minimumNumberOfCalls(4)
			.failureRateThreshold(50)
			.build();
		CircuitBreaker breaker = Calls.breaker(config, this.clock);
		fail(breaker, 3);
		this.clock.advanceSeconds(10);
		succeed(breaker, 3);
		fail(breaker, 1);
		assertThat(breaker.state()).isEqualTo(State.CLOSED);
		assertThat(breaker.metrics().failureRate()).isEqualTo(25f);
		fail(breaker, 2);
		assertThat(breaker.state()).isEqualTo(State.OPEN);
	}

	@Test
	void breakerWithTimeWindowOpensWhenFailuresStayWithinIt() {
		CircuitBreakerConfig config = CircuitBreakerConfig.builder()
			.slidingWindowType(SlidingWindowType.TIME)
			.slidingWindowSize(10)
			.minimumNumberOfCalls(4)
			.failureRateThreshold(50)
			.build();
		CircuitBreaker breaker = Calls.breaker(config, this.clock);
		fail(breaker, 3);
		this.clock.advanceSeconds(9);
		assertThat(breaker.state()).isEqualTo(State.CLOSED);
		fail(breaker, 1);
		assertThat(breaker.state()).isEqualTo(State.OPEN);
	}

}
