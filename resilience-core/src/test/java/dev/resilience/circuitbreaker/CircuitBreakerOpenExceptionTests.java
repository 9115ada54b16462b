package dev.resilience.circuitbreaker;

import java.time.Duration;
import java.time.ZonedDateTime;

import dev.resilience.circuitbreaker.CircuitBreaker.State;
import dev.resilience.core.internal.Failures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CircuitBreakerOpenException}.
 *
 * @author Resilience
 */
class CircuitBreakerOpenExceptionTests {

	@Test
	void describesAnOpenBreakerWithTheTimeLeft() {
		CircuitBreakerOpenException ex = new CircuitBreakerOpenException("inventory", State.OPEN,
				Duration.ofSeconds(12));
		assertThat(ex).hasMessage("CircuitBreaker 'inventory' is OPEN and permits no calls; retry after 12s");
		assertThat(ex.getInstanceName()).isEqualTo("inventory");
		assertThat(ex.getState()).isEqualTo(State.OPEN);
		assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(12));
	}

	@Test
	void describesAForcedOpenBreakerWithoutRetryAfter() {
		CircuitBreakerOpenException ex = new CircuitBreakerOpenException("inventory", State.FORCED_OPEN, null);
		assertThat(ex).hasMessage("CircuitBreaker 'inventory' is FORCED_OPEN and permits no calls");
		assertThat(ex.getRetryAfter()).isNull();
	}

	@Test
	void isAPolicyRejectionWithoutStackTrace() {
		CircuitBreakerOpenException ex = new CircuitBreakerOpenException("inventory", State.OPEN, Duration.ZERO);
		assertThat(ex.isPolicyRejection()).isTrue();
		assertThat(ex.getStackTrace()).isEmpty();
		assertThat(ex.getSuppressed()).isEmpty();
		assertThat(ex).hasNoCause();
	}

	@Test
	void tellsRetriesWhenToCallAgain() {
		CircuitBreakerOpenException ex = new CircuitBreakerOpenException("inventory", State.OPEN,
				Duration.ofSeconds(7));
		assertThat(Failures.retryAfter(ex, ZonedDateTime.now())).isEqualTo(Duration.ofSeconds(7));
	}

}
