package dev.resilience.circuitbreaker;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import dev.resilience.circuitbreaker.CircuitBreakerConfig.Builder;
import dev.resilience.core.ExceptionTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * Tests for {@link CircuitBreakerConfig}.
 *
 * @author Resilience
 */
class CircuitBreakerConfigTests {

	@Test
	void defaultsMatchTheDocumentedValues() {
		CircuitBreakerConfig config = CircuitBreakerConfig.ofDefaults();
		assertThat(config.slidingWindowType()).isEqualTo(SlidingWindowType.COUNT);
		assertThat(config.slidingWindowSize()).isEqualTo(100);
		assertThat(config.minimumNumberOfCalls()).isEqualTo(20);
		assertThat(config.failureRateThreshold()).isEqualTo(50f);
		assertThat(config.slowCallDurationThreshold()).isEqualTo(Duration.ofSeconds(60));
		assertThat(config.slowCallRateThreshold()).isEqualTo(100f);
		assertThat(config.waitDurationInOpenState()).isEqualTo(Duration.ofSeconds(60));
		assertThat(config.permittedCallsInHalfOpenState()).isEqualTo(5);
		assertThat(config.recordExceptions().isEmpty()).isTrue();
		assertThat(config.ignoreExceptions().isEmpty()).isTrue();
		assertThat(config.healthAffectsStatus()).isFalse();
	}

	@Test
	void builderSetsEverySetting() {
		ExceptionTypes recorded = ExceptionTypes.of(List.of(IOException.class));
		ExceptionTypes ignored = ExceptionTypes.of(List.of(IllegalStateException.class));
		CircuitBreakerConfig config = CircuitBreakerConfig.builder()
			.slidingWindowType(SlidingWindowType.TIME)
			.slidingWindowSize(30)
			.minimumNumberOfCalls(7)
			.failureRateThreshold(25.5f)
			.slowCallDurationThreshold(Duration.ofMillis(750))
			.slowCallRateThreshold(80)
			.waitDurationInOpenState(Duration.ZERO)
			.permittedCallsInHalfOpenState(3)
			.recordExceptions(recorded)
			.ignoreExceptions(ignored)
			.healthAffectsStatus(true)
			.build();
		assertThat(config).isEqualTo(new CircuitBreakerConfig(SlidingWindowType.TIME, 30, 7, 25.5f,
				Duration.ofMillis(750), 80, Duration.ZERO, 3, recorded, ignored, true));
	}

	@Test
	void toBuilderStartsFromEverySetting() {
		CircuitBreakerConfig config = CircuitBreakerConfig.builder()
			.slidingWindowType(SlidingWindowType.TIME)
			.slidingWindowSize(30)
			.minimumNumberOfCalls(7)
			.failureRateThreshold(25)
			.slowCallDurationThreshold(Duration.ofMillis(750))
			.slowCallRateThreshold(80)
			.waitDurationInOpenState(Duration.ofSeconds(5))
			.permittedCallsInHalfOpenState(3)
			.recordExceptions(ExceptionTypes.of(List.of(IOException.class)))
			.ignoreExceptions(ExceptionTypes.of(List.of(IllegalStateException.class)))
			.healthAffectsStatus(true)
			.build();
		assertThat(config.toBuilder().build()).isEqualTo(config);
		assertThat(config.toBuilder().slidingWindowSize(31).build().slidingWindowSize()).isEqualTo(31);
	}

	@ParameterizedTest(name = "{1}")
	@MethodSource("invalidSettings")
	void rejectsInvalidSettingNamingItsValue(UnaryOperator<Builder> setting, String message) {
		Builder builder = setting.apply(CircuitBreakerConfig.builder());
		assertThatIllegalArgumentException().isThrownBy(builder::build).withMessage(message);
	}

	static Stream<Arguments> invalidSettings() {
		return Stream.of(invalid((b) -> b.slidingWindowSize(0), "slidingWindowSize must be at least 1, but was 0"),
				invalid((b) -> b.minimumNumberOfCalls(-3), "minimumNumberOfCalls must be at least 1, but was -3"),
				invalid((b) -> b.failureRateThreshold(150),
						"failureRateThreshold must be between 1 and 100, but was 150"),
				invalid((b) -> b.failureRateThreshold(0.5f),
						"failureRateThreshold must be between 1 and 100, but was 0.5"),
				invalid((b) -> b.failureRateThreshold(Float.NaN),
						"failureRateThreshold must be between 1 and 100, but was NaN"),
				invalid((b) -> b.slowCallRateThreshold(0),
						"slowCallRateThreshold must be between 1 and 100, but was 0"),
				invalid((b) -> b.slowCallRateThreshold(100.5f),
						"slowCallRateThreshold must be between 1 and 100, but was 100.5"),
				invalid((b) -> b.slowCallDurationThreshold(Duration.ZERO),
						"slowCallDurationThreshold must be positive, but was PT0S"),
				invalid((b) -> b.slowCallDurationThreshold(Duration.ofMillis(-1)),
						"slowCallDurationThreshold must be positive, but was PT-0.001S"),
				invalid((b) -> b.waitDurationInOpenState(Duration.ofSeconds(-1)),
						"waitDurationInOpenState must not be negative, but was PT-1S"),
				invalid((b) -> b.permittedCallsInHalfOpenState(0),
						"permittedCallsInHalfOpenState must be at least 1, but was 0"));
	}

	private static Arguments invalid(UnaryOperator<Builder> setting, String message) {
		return Arguments.of(setting, message);
	}

	@Test
	void acceptsBoundaryValues() {
		CircuitBreakerConfig config = CircuitBreakerConfig.builder()
			.slidingWindowSize(1)
			.minimumNumberOfCalls(1)
			.failureRateThreshold(1)
			.slowCallRateThreshold(100)
			.slowCallDurationThreshold(Duration.ofNanos(1))
			.waitDurationInOpenState(Duration.ZERO)
			.permittedCallsInHalfOpenState(1)
			.build();
		assertThat(config.waitDurationInOpenState()).isZero();
		assertThat(config.failureRateThreshold()).isEqualTo(1f);
	}

	@Test
	void rejectsMissingSettingNamingIt() {
		assertThatNullPointerException()
			.isThrownBy(() -> CircuitBreakerConfig.builder().slidingWindowType(null).build())
			.withMessage("slidingWindowType must not be null");
		assertThatNullPointerException()
			.isThrownBy(() -> CircuitBreakerConfig.builder().waitDurationInOpenState(null).build())
			.withMessage("waitDurationInOpenState must not be null");
		assertThatNullPointerException().isThrownBy(() -> CircuitBreakerConfig.builder().ignoreExceptions(null).build())
			.withMessage("ignoreExceptions must not be null");
	}

}
