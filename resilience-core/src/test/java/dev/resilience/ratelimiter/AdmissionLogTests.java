package dev.resilience.ratelimiter;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link AdmissionLog}, so that the bounds the other tests rely on are known to
 * catch a violation.
 *
 * @author Resilience
 */
class AdmissionLogTests {

	private static final Duration PERIOD = Duration.ofNanos(100);

	@Test
	void tokenBucketBoundAcceptsBurstPlusRate() {
		AdmissionLog log = log(0, 0, 0, 10, 20, 30);
		assertThatCode(() -> log.assertTokenBucketBound(10, PERIOD, 3)).doesNotThrowAnyException();
	}

	@Test
	void tokenBucketBoundCatchesOneAdmissionTooMany() {
		AdmissionLog log = log(500, 0, 0, 0, 10, 20, 29);
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> log.assertTokenBucketBound(10, PERIOD, 3))
			.withMessageContaining("admissions between 0ns and 29ns");
	}

	@Test
	void slidingWindowBoundAcceptsTheLimitPerWindow() {
		AdmissionLog log = log(0, 50, 100, 150, 200);
		assertThatCode(() -> log.assertSlidingWindowBound(2, PERIOD)).doesNotThrowAnyException();
	}

	@Test
	void slidingWindowBoundCatchesOneAdmissionTooMany() {
		AdmissionLog log = log(0, 50, 99);
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> log.assertSlidingWindowBound(2, PERIOD))
			.withMessageContaining("3 admissions between 0ns and 99ns");
	}

	private static AdmissionLog log(long... times) {
		AdmissionLog log = new AdmissionLog();
		for (long time : times) {
			log.add(time);
		}
		return log;
	}

}
