package dev.resilience.circuitbreaker;

import java.time.Duration;

import dev.resilience.circuitbreaker.CircuitBreaker.State;
import dev.resilience.testsupport.ManualTimeSource;
import org.junit.jupiter.api.Test;

import static dev.resilience.circuitbreaker.Calls.fail;
import static dev.resilience.circuitbreaker.Calls.succeed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CircuitBreaker#metrics()}.
 *
 * @author Resilience
 */
class CircuitBreakerMetricsTests {

	private final ManualTimeSource clock = new ManualTimeSource();

	private final CircuitBreakerConfig config = CircuitBreakerConfig.builder()
		.slidingWindowSize(20)
		.minimumNumberOfCalls(10)
		.failureRateThreshold(50)
		.slowCallDurationThreshold(Duration.ofSeconds(1))
		.slowCallRateThreshold(50)
		.build();

	private final CircuitBreaker breaker = Calls.breaker(this.config, this.clock);

	@Test
	void ratesCannotBeComputedBeforeMinimumNumberOfCalls() {
		CircuitBreakerMetrics metrics = this.breaker.metrics();
		assertThat(metrics.failureRate()).isEqualTo(-1f);
		assertThat(metrics.slowCallRate()).isEqualTo(-1f);
		fail(this.breaker, 9);
		assertThat(metrics.failureRate()).isEqualTo(-1f);
		assertThat(metrics.slowCallRate()).isEqualTo(-1f);
		assertThat(metrics.bufferedCalls()).isEqualTo(9);
		assertThat(metrics.failedCalls()).isEqualTo(9);
	}

	@Test
	void reportsCountsAndRatesOfTheWindow() {
		succeed(this.breaker, 5);
		succeed(this.breaker, 2, Duration.ofSeconds(1));
		fail(this.breaker, 2);
		fail(this.breaker, 1, Duration.ofSeconds(3));
		CircuitBreakerMetrics metrics = this.breaker.metrics();
		assertThat(metrics.bufferedCalls()).isEqualTo(10);
		assertThat(metrics.failedCalls()).isEqualTo(3);
		assertThat(metrics.slowCalls()).isEqualTo(3);
		assertThat(metrics.successfulCalls()).isEqualTo(7);
		assertThat(metrics.failureRate()).isEqualTo(30f);
		assertThat(metrics.slowCallRate()).isEqualTo(30f);
		assertThat(metrics.notPermittedCalls()).isZero();
	}

	@Test
	void countsNotPermittedCallsSinceCreation() {
		fail(this.breaker, 10);
		assertThat(this.breaker.tryAcquirePermission()).isFalse();
		assertThat(this.breaker.tryAcquirePermission()).isFalse();
		this.breaker.transitionTo(State.CLOSED);
		this.breaker.transitionTo(State.FORCED_OPEN);
		assertThat(this.breaker.tryAcquirePermission()).isFalse();
		this.breaker.transitionTo(State.CLOSED);
		assertThat(this.breaker.metrics().notPermittedCalls()).isEqualTo(3);
	}

	@Test
	void openBreakerKeepsTheNumbersThatOpenedIt() {
		succeed(this.breaker, 10);
		fail(this.breaker, 10);
		assertThat(this.breaker.state()).isEqualTo(State.OPEN);
		this.clock.advanceSeconds(30);
		assertThat(this.breaker.metrics().failureRate()).isEqualTo(50f);
		assertThat(this.breaker.metrics().bufferedCalls()).isEqualTo(20);
	}

	@Test
	void openTimeWindowKeepsTheNumbersThatOpenedIt() {
		CircuitBreaker breaker = Calls.breaker(
				this.config.toBuilder().slidingWindowType(SlidingWindowType.TIME).slidingWindowSize(10).build(),
				this.clock);
		fail(breaker, 10);
		this.clock.advanceSeconds(30);
		assertThat(breaker.metrics().failureRate()).isEqualTo(100f);
		assertThat(breaker.metrics().bufferedCalls()).isEqualTo(10);
	}

	@Test
	void forcedOpenAndDisabledKeepTheNumbersTheyCameFrom() {
		fail(this.breaker, 4);
		this.breaker.transitionTo(State.FORCED_OPEN);
		assertThat(this.breaker.metrics().failedCalls()).isEqualTo(4);
		this.breaker.transitionTo(State.DISABLED);
		assertThat(this.breaker.metrics().failedCalls()).isEqualTo(4);
	}

	@Test
	void viewFollowsTheCurrentState() {
		CircuitBreakerMetrics metrics = this.breaker.metrics();
		fail(this.breaker, 10);
		this.breaker.transitionTo(State.CLOSED);
		assertThat(metrics.bufferedCalls()).isZero();
		succeed(this.breaker, 1);
		assertThat(metrics.bufferedCalls()).isEqualTo(1);
	}

}
