package dev.resilience.retry;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import dev.resilience.core.ExceptionTypes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * Tests for {@link RetryConfig}.
 */
class RetryConfigTests {

	@Test
	void defaultsMatchTheDocumentedValues() {
		RetryConfig config = RetryConfig.ofDefaults();
		assertThat(config.maxAttempts()).isEqualTo(3).isEqualTo(RetryConfig.DEFAULT_MAX_ATTEMPTS);
		assertThat(config.waitDuration()).isEqualTo(Duration.ofMillis(500));
		assertThat(config.backoff()).isEqualTo(Backoff.EXPONENTIAL);
		assertThat(config.multiplier()).isEqualTo(2.0);
		assertThat(config.maxWaitDuration()).isEqualTo(Duration.ofSeconds(30));
		assertThat(config.jitter()).isEqualTo(0.2);
		assertThat(config.retryExceptions().isEmpty()).isTrue();
		assertThat(config.ignoreExceptions().isEmpty()).isTrue();
	}

	@Test
	void builderStartsFromTheDefaults() {
		assertThat(RetryConfig.builder().build()).isEqualTo(RetryConfig.ofDefaults());
	}

	@Test
	void builderSetsEveryComponent() {
		ExceptionTypes retry = ExceptionTypes.of(List.of(IOException.class));
		ExceptionTypes ignore = ExceptionTypes.of(List.of(IllegalStateException.class));
		RetryConfig config = RetryConfig.builder()
			.maxAttempts(5)
			.waitDuration(Duration.ofSeconds(1))
			.backoff(Backoff.LINEAR)
			.multiplier(3.0)
			.maxWaitDuration(Duration.ofSeconds(10))
			.jitter(0.5)
			.retryExceptions(retry)
			.ignoreExceptions(ignore)
			.build();
		assertThat(config).isEqualTo(new RetryConfig(5, Duration.ofSeconds(1), Backoff.LINEAR, 3.0,
				Duration.ofSeconds(10), 0.5, retry, ignore));
	}

	@Test
	void toBuilderKeepsWhatIsNotChanged() {
		RetryConfig original = RetryConfig.builder().maxAttempts(7).backoff(Backoff.FIXED).build();
		RetryConfig changed = original.toBuilder().jitter(0.0).build();
		assertThat(changed.maxAttempts()).isEqualTo(7);
		assertThat(changed.backoff()).isEqualTo(Backoff.FIXED);
		assertThat(changed.jitter()).isZero();
		assertThat(original.jitter()).isEqualTo(RetryConfig.DEFAULT_JITTER);
	}

	@Test
	void rejectsFewerThanOneAttempt() {
		assertThatIllegalArgumentException().isThrownBy(() -> RetryConfig.builder().maxAttempts(0).build())
			.withMessage("maxAttempts must be at least 1, but was 0");
	}

	@Test
	void acceptsASingleAttempt() {
		assertThat(RetryConfig.builder().maxAttempts(1).build().maxAttempts()).isOne();
	}

	@Test
	void rejectsNegativeWaitDuration() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RetryConfig.builder().waitDuration(Duration.ofMillis(-1)).build())
			.withMessage("waitDuration must not be negative, but was PT-0.001S");
	}

	@Test
	void rejectsNegativeMaxWaitDuration() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RetryConfig.builder().maxWaitDuration(Duration.ofSeconds(-2)).build())
			.withMessage("maxWaitDuration must not be negative, but was PT-2S");
	}

	@Test
	void acceptsZeroWaits() {
		RetryConfig config = RetryConfig.builder().waitDuration(Duration.ZERO).maxWaitDuration(Duration.ZERO).build();
		assertThat(config.waitDuration()).isZero();
		assertThat(config.maxWaitDuration()).isZero();
	}

	@Test
	void rejectsMultiplierBelowOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> RetryConfig.builder().multiplier(0.5).build())
			.withMessage("multiplier must be at least 1, but was 0.5");
	}

	@Test
	void rejectsMultiplierThatIsNotANumber() {
		assertThatIllegalArgumentException().isThrownBy(() -> RetryConfig.builder().multiplier(Double.NaN).build())
			.withMessage("multiplier must be at least 1, but was NaN");
	}

	@Test
	void rejectsNegativeJitter() {
		assertThatIllegalArgumentException().isThrownBy(() -> RetryConfig.builder().jitter(-0.1).build())
			.withMessage("jitter must be between 0 and 1, but was -0.1");
	}

	@Test
	void rejectsJitterAboveOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> RetryConfig.builder().jitter(1.5).build())
			.withMessage("jitter must be between 0 and 1, but was 1.5");
	}

	@Test
	void acceptsJitterBounds() {
		assertThat(RetryConfig.builder().jitter(0.0).build().jitter()).isZero();
		assertThat(RetryConfig.builder().jitter(1.0).build().jitter()).isOne();
	}

	@Test
	void rejectsMissingComponentsByName() {
		assertThatNullPointerException().isThrownBy(() -> RetryConfig.builder().backoff(null).build())
			.withMessage("backoff must not be null");
		assertThatNullPointerException().isThrownBy(() -> RetryConfig.builder().retryExceptions(null).build())
			.withMessage("retryExceptions must not be null");
	}

}
