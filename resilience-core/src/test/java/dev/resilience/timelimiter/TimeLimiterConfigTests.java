package dev.resilience.timelimiter;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * Tests for {@link TimeLimiterConfig}.
 */
class TimeLimiterConfigTests {

	@Test
	void defaultsMatchTheDocumentedValues() {
		TimeLimiterConfig config = TimeLimiterConfig.ofDefaults();
		assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(1)).isEqualTo(TimeLimiterConfig.DEFAULT_TIMEOUT);
		assertThat(config.cancelRunning()).isTrue().isEqualTo(TimeLimiterConfig.DEFAULT_CANCEL_RUNNING);
	}

	@Test
	void builderStartsFromTheDefaults() {
		assertThat(TimeLimiterConfig.builder().build()).isEqualTo(TimeLimiterConfig.ofDefaults());
	}

	@Test
	void builderSetsEveryComponent() {
		TimeLimiterConfig config = TimeLimiterConfig.builder()
			.timeout(Duration.ofMillis(250))
			.cancelRunning(false)
			.build();
		assertThat(config).isEqualTo(new TimeLimiterConfig(Duration.ofMillis(250), false));
	}

	@Test
	void toBuilderKeepsWhatIsNotChanged() {
		TimeLimiterConfig original = TimeLimiterConfig.builder().timeout(Duration.ofSeconds(3)).build();
		TimeLimiterConfig changed = original.toBuilder().cancelRunning(false).build();
		assertThat(changed.timeout()).isEqualTo(Duration.ofSeconds(3));
		assertThat(changed.cancelRunning()).isFalse();
	}

	@Test
	void rejectsZeroTimeoutNamingTheValue() {
		assertThatIllegalArgumentException().isThrownBy(() -> new TimeLimiterConfig(Duration.ZERO, true))
			.withMessage("timeout must be positive, but was PT0S");
	}

	@Test
	void rejectsNegativeTimeoutNamingTheValue() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TimeLimiterConfig.builder().timeout(Duration.ofMillis(-5)).build())
			.withMessage("timeout must be positive, but was PT-0.005S");
	}

	@Test
	void rejectsMissingTimeout() {
		assertThatNullPointerException().isThrownBy(() -> new TimeLimiterConfig(null, true))
			.withMessage("timeout must not be null");
	}

	@Test
	void acceptsTheShortestTimeout() {
		assertThat(new TimeLimiterConfig(Duration.ofNanos(1), true).timeout()).isEqualTo(Duration.ofNanos(1));
	}

}
