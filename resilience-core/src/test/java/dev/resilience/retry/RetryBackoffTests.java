package dev.resilience.retry;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import dev.resilience.core.ErrorClassifier;
import dev.resilience.testsupport.ManualTimeSource;
import dev.resilience.testsupport.RecordingSleeper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * Tests for the waits between the attempts of a {@link Retry}.
 */
class RetryBackoffTests {

	private static final long MS = 1_000_000L;

	private final ManualTimeSource time = new ManualTimeSource();

	private final RecordingSleeper sleeper = new RecordingSleeper(this.time);

	@Test
	void fixedBackoffWaitsTheSameBeforeEveryRetry() {
		List<Long> waits = waitsUntilExhausted(
				config(5).backoff(Backoff.FIXED).waitDuration(Duration.ofMillis(200)).build());
		assertThat(waits).containsExactly(200 * MS, 200 * MS, 200 * MS, 200 * MS);
	}

	@Test
	void linearBackoffMultipliesTheWaitByTheFailedAttempt() {
		List<Long> waits = waitsUntilExhausted(
				config(5).backoff(Backoff.LINEAR).waitDuration(Duration.ofMillis(100)).multiplier(5.0).build());
		assertThat(waits).containsExactly(100 * MS, 200 * MS, 300 * MS, 400 * MS);
	}

	@Test
	void exponentialBackoffMultipliesTheWaitByTheMultiplierEachTime() {
		List<Long> waits = waitsUntilExhausted(
				config(5).backoff(Backoff.EXPONENTIAL).waitDuration(Duration.ofMillis(100)).multiplier(3.0).build());
		assertThat(waits).containsExactly(100 * MS, 300 * MS, 900 * MS, 2700 * MS);
	}

	@Test
	void exponentialBackoffWithMultiplierOneWaitsTheSame() {
		List<Long> waits = waitsUntilExhausted(
				config(4).backoff(Backoff.EXPONENTIAL).waitDuration(Duration.ofMillis(50)).multiplier(1.0).build());
		assertThat(waits).containsExactly(50 * MS, 50 * MS, 50 * MS);
	}

	@Test
	void waitIsCappedAtMaxWaitDuration() {
		List<Long> waits = waitsUntilExhausted(config(6).backoff(Backoff.EXPONENTIAL)
			.waitDuration(Duration.ofSeconds(1))
			.maxWaitDuration(Duration.ofSeconds(5))
			.build());
		assertThat(waits).containsExactly(1000 * MS, 2000 * MS, 4000 * MS, 5000 * MS, 5000 * MS);
	}

	@Test
	void waitDurationLongerThanMaxWaitDurationIsCapped() {
		List<Long> waits = waitsUntilExhausted(config(3).backoff(Backoff.FIXED)
			.waitDuration(Duration.ofMinutes(5))
			.maxWaitDuration(Duration.ofSeconds(2))
			.build());
		assertThat(waits).containsExactly(2000 * MS, 2000 * MS);
	}

	@Test
	void hugeExponentialWaitsDoNotOverflow() {
		RetryDelays delays = new RetryDelays(config(200).waitDuration(Duration.ofDays(365 * 1000))
			.maxWaitDuration(Duration.ofDays(365 * 2000))
			.multiplier(10.0)
			.build());
		assertThat(delays.delayNanos(150, 0.0)).isEqualTo(Long.MAX_VALUE);
	}

	@Test
	void zeroWaitDoesNotSleep() {
		List<Long> waits = waitsUntilExhausted(config(3).waitDuration(Duration.ZERO).build());
		assertThat(waits).isEmpty();
		assertThat(this.time.elapsed()).isZero();
	}

	@Test
	void jitterStaysWithinItsFractionAndNeverExceedsMaxWait() {
		Retry retry = retry(config(2).backoff(Backoff.FIXED)
			.waitDuration(Duration.ofSeconds(1))
			.maxWaitDuration(Duration.ofMillis(1200))
			.jitter(0.5)
			.build());
		long min = Long.MAX_VALUE;
		long max = Long.MIN_VALUE;
		for (int i = 0; i < 10_000; i++) {
			long wait = retry.onFailedAttempt(1, new IOException("boom"));
			min = Math.min(min, wait);
			max = Math.max(max, wait);
		}
		assertThat(min).isGreaterThanOrEqualTo(500 * MS).isLessThan(600 * MS);
		assertThat(max).isEqualTo(1200 * MS);
	}

	@Test
	void jitterVariesTheWaitBothWays() {
		Retry retry = retry(config(2).backoff(Backoff.FIXED).waitDuration(Duration.ofSeconds(1)).jitter(0.1).build());
		long min = Long.MAX_VALUE;
		long max = Long.MIN_VALUE;
		for (int i = 0; i < 10_000; i++) {
			long wait = retry.onFailedAttempt(1, new IOException("boom"));
			assertThat(wait).isBetween(900 * MS, 1100 * MS);
			min = Math.min(min, wait);
			max = Math.max(max, wait);
		}
		assertThat(min).isLessThan(920 * MS);
		assertThat(max).isGreaterThan(1080 * MS);
	}

	@Test
	void jitterAppliesAfterTheFirstCapAndIsCappedAgain() {
		RetryDelays delays = new RetryDelays(config(5).backoff(Backoff.EXPONENTIAL)
			.waitDuration(Duration.ofSeconds(4))
			.maxWaitDuration(Duration.ofSeconds(10))
			.jitter(0.5)
			.build());
		// attempt 3 backs off 16s, capped to 10s, then varied around 10s
		assertThat(delays.delayNanos(3, -1.0)).isEqualTo(5000 * MS);
		assertThat(delays.delayNanos(3, 1.0)).isEqualTo(10_000 * MS);
		assertThat(delays.delayNanos(1, 1.0)).isEqualTo(6000 * MS);
		assertThat(delays.delayNanos(1, -1.0)).isEqualTo(2000 * MS);
	}

	@Test
	void fullJitterNeverWaitsLessThanZero() {
		RetryDelays delays = new RetryDelays(config(3).backoff(Backoff.FIXED).jitter(1.0).build());
		assertThat(delays.delayNanos(1, -1.0)).isZero();
		assertThat(delays.delayNanos(1, 1.0)).isEqualTo(1000 * MS);
	}

	private List<Long> waitsUntilExhausted(RetryConfig config) {
		Retry retry = retry(config);
		ScriptedCall call = ScriptedCall.of(new IOException("down"));
		assertThatIOException().isThrownBy(() -> retry.execute("ctx", call.sync()));
		assertThat(call.calls()).isEqualTo(config.maxAttempts());
		return this.sleeper.waits();
	}

	private Retry retry(RetryConfig config) {
		return new Retry("backoff", config, ErrorClassifier.defaults(), this.time, this.sleeper, (task, delay) -> {
			throw new AssertionError("not expected to schedule");
		});
	}

	private static RetryConfig.Builder config(int maxAttempts) {
		return RetryConfig.builder().maxAttempts(maxAttempts).jitter(0.0);
	}

}
