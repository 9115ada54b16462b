package dev.resilience.core;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Bound}.
 *
 * @author Resilience
 */
class BoundTests {

	@Test
	void atLeastIncludesItsLowerEnd() {
		Bound<Integer> bound = Bound.atLeast(1);
		assertThat(bound.contains(1)).isTrue();
		assertThat(bound.contains(Integer.MAX_VALUE)).isTrue();
		assertThat(bound.contains(0)).isFalse();
		assertThat(bound).hasToString("at least 1");
		assertThat(bound.requirement()).isEqualTo("must be at least 1");
	}

	@Test
	void betweenIncludesBothEnds() {
		Bound<Float> bound = Bound.between(1f, 100f);
		assertThat(bound.contains(1f)).isTrue();
		assertThat(bound.contains(100f)).isTrue();
		assertThat(bound.contains(0.99f)).isFalse();
		assertThat(bound.contains(100.5f)).isFalse();
		assertThat(bound).hasToString("between 1 and 100");
		assertThat(bound.upper()).isEqualTo(100f);
	}

	@Test
	void neverContainsNaN() {
		assertThat(Bound.atLeast(1.0).contains(Double.NaN)).isFalse();
		assertThat(Bound.between(0.0, 1.0).contains(Double.NaN)).isFalse();
		assertThat(Bound.between(1f, 100f).contains(Float.NaN)).isFalse();
	}

	@Test
	void comparesNumbersByValue() {
		assertThat(Bound.between(0.0, 1.0).contains(-0.0)).isTrue();
	}

	@Test
	void describesDurationBounds() {
		assertThat(Bound.positive()).hasToString("positive");
		assertThat(Bound.positive().requirement()).isEqualTo("must be positive");
		assertThat(Bound.notNegative()).hasToString("not negative");
		assertThat(Bound.notNegative().requirement()).isEqualTo("must not be negative");
		assertThat(Bound.atLeast(Duration.ofMillis(3))).hasToString("at least 3ms");
	}

	@Test
	void positiveExcludesZero() {
		assertThat(Bound.positive().contains(Duration.ZERO)).isFalse();
		assertThat(Bound.positive().contains(Duration.ofNanos(1))).isTrue();
		assertThat(Bound.positive().isLowerIncluded()).isFalse();
		assertThat(Bound.notNegative().contains(Duration.ZERO)).isTrue();
		assertThat(Bound.notNegative().contains(Duration.ofNanos(-1))).isFalse();
	}

	@Test
	void checkNamesTheSettingTheRequirementAndTheValue() {
		assertThat(Bound.atLeast(1).check("maxAttempts", 3)).isEqualTo(3);
		assertThatIllegalArgumentException().isThrownBy(() -> Bound.atLeast(1).check("maxAttempts", 0))
			.withMessage("maxAttempts must be at least 1, but was 0");
		assertThatIllegalArgumentException().isThrownBy(() -> Bound.between(1f, 100f).check("rate", 150f))
			.withMessage("rate must be between 1 and 100, but was 150");
		assertThatIllegalArgumentException().isThrownBy(() -> Bound.between(0.0, 1.0).check("jitter", 1.5))
			.withMessage("jitter must be between 0 and 1, but was 1.5");
		assertThatIllegalArgumentException().isThrownBy(() -> Bound.notNegative().check("wait", Duration.ofMillis(-5)))
			.withMessage("wait must not be negative, but was PT-0.005S");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Bound.atLeast(Duration.ofMillis(3)).check("lease", Duration.ofMillis(2)))
			.withMessage("lease must be at least 3ms, but was PT0.002S");
	}

	@Test
	void equalBoundsAreEqual() {
		assertThat(Bound.notNegative()).isEqualTo(Bound.atLeast(Duration.ZERO))
			.hasSameHashCodeAs(Bound.atLeast(Duration.ZERO));
		assertThat(Bound.positive()).isNotEqualTo(Bound.notNegative());
		assertThat(Bound.atLeast(1.0)).isNotEqualTo(Bound.atLeast(2.0));
	}

	@Test
	void rejectsEndsThatAreNotNumbersOrOutOfOrder() {
		assertThatIllegalArgumentException().isThrownBy(() -> Bound.atLeast(Double.NaN));
		assertThatIllegalArgumentException().isThrownBy(() -> Bound.between(1.0, 0.0));
	}

}
