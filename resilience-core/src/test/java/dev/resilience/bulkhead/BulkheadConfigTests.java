package dev.resilience.bulkhead;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * Tests for {@link BulkheadConfig}.
 *
 * @author Resilience
 */
class BulkheadConfigTests {

	@Test
	void defaultsMatchTheDocumentedValues() {
		BulkheadConfig config = BulkheadConfig.ofDefaults();
		assertThat(config.maxConcurrentCalls()).isEqualTo(25).isEqualTo(BulkheadConfig.DEFAULT_MAX_CONCURRENT_CALLS);
		assertThat(config.maxWaitDuration()).isEqualTo(Duration.ZERO)
			.isEqualTo(BulkheadConfig.DEFAULT_MAX_WAIT_DURATION);
	}

	@Test
	void builderStartsFromTheDefaults() {
		assertThat(BulkheadConfig.builder().build()).isEqualTo(BulkheadConfig.ofDefaults());
	}

	@Test
	void builderSetsEveryComponent() {
		BulkheadConfig config = BulkheadConfig.builder()
			.maxConcurrentCalls(7)
			.maxWaitDuration(Duration.ofMillis(250))
			.build();
		assertThat(config).isEqualTo(new BulkheadConfig(7, Duration.ofMillis(250)));
	}

	@Test
	void toBuilderKeepsWhatIsNotChanged() {
		BulkheadConfig original = BulkheadConfig.builder().maxConcurrentCalls(3).build();
		BulkheadConfig changed = original.toBuilder().maxWaitDuration(Duration.ofSeconds(1)).build();
		assertThat(changed.maxConcurrentCalls()).isEqualTo(3);
		assertThat(changed.maxWaitDuration()).isEqualTo(Duration.ofSeconds(1));
		assertThat(original.maxWaitDuration()).isZero();
	}

	@Test
	void rejectsFewerThanOneConcurrentCall() {
		assertThatIllegalArgumentException().isThrownBy(() -> BulkheadConfig.builder().maxConcurrentCalls(0).build())
			.withMessage("maxConcurrentCalls must be at least 1, but was 0");
		assertThatIllegalArgumentException().isThrownBy(() -> new BulkheadConfig(-3, Duration.ZERO))
			.withMessage("maxConcurrentCalls must be at least 1, but was -3");
	}

	@Test
	void acceptsASingleConcurrentCall() {
		assertThat(BulkheadConfig.builder().maxConcurrentCalls(1).build().maxConcurrentCalls()).isOne();
	}

	@Test
	void rejectsNegativeMaxWaitDuration() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BulkheadConfig.builder().maxWaitDuration(Duration.ofMillis(-1)).build())
			.withMessage("maxWaitDuration must not be negative, but was PT-0.001S");
	}

	@Test
	void rejectsNullMaxWaitDuration() {
		assertThatNullPointerException().isThrownBy(() -> new BulkheadConfig(1, null))
			.withMessage("maxWaitDuration must not be null");
	}

}
