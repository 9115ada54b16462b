package dev.resilience.timelimiter;

import java.time.Duration;

import dev.resilience.core.ErrorClassifier;
import dev.resilience.core.ResilienceException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TimeLimitExceededException}.
 */
class TimeLimitExceededExceptionTests {

	@Test
	void carriesTheInstanceNameAndTimeout() {
		TimeLimitExceededException ex = new TimeLimitExceededException("inventory", Duration.ofMillis(1500));
		assertThat(ex).isInstanceOf(ResilienceException.class);
		assertThat(ex.getInstanceName()).isEqualTo("inventory");
		assertThat(ex.getTimeout()).isEqualTo(Duration.ofMillis(1500));
		assertThat(ex).hasMessage("TimeLimiter 'inventory' timed out the call after 1500ms");
	}

	@Test
	void describesTimeoutsShorterThanAMillisecondInNanoseconds() {
		assertThat(new TimeLimitExceededException("fast", Duration.ofNanos(500)))
			.hasMessage("TimeLimiter 'fast' timed out the call after 500ns");
	}

	@Test
	void hasNoStackTrace() {
		assertThat(new TimeLimitExceededException("inventory", Duration.ofSeconds(1)).getStackTrace()).isEmpty();
	}

	@Test
	void isATransientFailureAndNoPolicyRejection() {
		TimeLimitExceededException ex = new TimeLimitExceededException("inventory", Duration.ofSeconds(1));
		assertThat(ex.isPolicyRejection()).isFalse();
		assertThat(ErrorClassifier.defaults().isTransient(ex)).isTrue();
	}

}
