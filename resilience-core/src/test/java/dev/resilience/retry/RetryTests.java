package dev.resilience.retry;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;

import dev.resilience.core.CheckedFunction;
import dev.resilience.core.ErrorClassifier;
import dev.resilience.core.ResilienceEvent;
import dev.resilience.testsupport.ManualTimeSource;
import dev.resilience.testsupport.RecordingSleeper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Tests for the synchronous loop, the counters and the events of {@link Retry}.
 */
class RetryTests {

	private static final long MS = 1_000_000L;

	private final ManualTimeSource time = new ManualTimeSource();

	private final RecordingSleeper sleeper = new RecordingSleeper(this.time);

	@AfterEach
	void clearInterrupt() {
		Thread.interrupted();
	}

	@Test
	void returnsTheFirstSuccessfulResultWithoutWaiting() throws Throwable {
		Retry retry = retry(RetryConfig.builder().jitter(0.0).build());
		ScriptedCall call = ScriptedCall.of("ok");
		assertThat(retry.execute("ctx", call.sync())).isEqualTo("ok");
		assertThat(call.calls()).isOne();
		assertThat(call.contexts()).containsExactly("ctx");
		assertThat(this.sleeper.waits()).isEmpty();
	}

	@Test
	void retriesUntilTheCallSucceeds() throws Throwable {
		Retry retry = retry(RetryConfig.builder().maxAttempts(4).jitter(0.0).build());
		ScriptedCall call = ScriptedCall.of(new IOException("one"), new IOException("two"), "ok");
		assertThat(retry.execute("ctx", call.sync())).isEqualTo("ok");
		assertThat(call.calls()).isEqualTo(3);
		assertThat(call.contexts()).containsExactly("ctx", "ctx", "ctx");
		assertThat(this.sleeper.waits()).containsExactly(500 * MS, 1000 * MS);
	}

	@Test
	void rethrowsTheLastFailureWithEarlierOnesSuppressedInOrder() {
		Retry retry = retry(RetryConfig.builder().maxAttempts(3).jitter(0.0).build());
		IOException first = new IOException("first");
		IOException second = new IOException("second");
		IOException third = new IOException("third");
		ScriptedCall call = ScriptedCall.of(first, second, third, "never");
		Throwable thrown = catchThrowable(() -> retry.execute("ctx", call.sync()));
		assertThat(thrown).isSameAs(third);
		assertThat(thrown.getSuppressed()).containsExactly(first, second);
		assertThat(call.calls()).isEqualTo(3);
	}

	@Test
	void rethrowsANonRetryableFailureAtOnce() {
		Retry retry = retry(RetryConfig.builder().jitter(0.0).build());
		IllegalArgumentException failure = new IllegalArgumentException("bad input");
		ScriptedCall call = ScriptedCall.of(failure, "never");
		Throwable thrown = catchThrowable(() -> retry.execute("ctx", call.sync()));
		assertThat(thrown).isSameAs(failure);
		assertThat(thrown.getSuppressed()).isEmpty();
		assertThat(call.calls()).isOne();
	}

	@Test
	void stopsAtANonRetryableFailureAfterRetryableOnes() {
		Retry retry = retry(RetryConfig.builder().maxAttempts(5).jitter(0.0).build());
		IOException first = new IOException("first");
		IllegalArgumentException second = new IllegalArgumentException("second");
		ScriptedCall call = ScriptedCall.of(first, second, "never");
		Throwable thrown = catchThrowable(() -> retry.execute("ctx", call.sync()));
		assertThat(thrown).isSameAs(second);
		assertThat(thrown.getSuppressed()).containsExactly(first);
		assertThat(retry.metrics().failureWithRetry()).isOne();
	}

	@Test
	void neverSuppressesAFailureOnItselfNorTwice() {
		Retry retry = retry(RetryConfig.builder().maxAttempts(4).jitter(0.0).build());
		IOException repeated = new IOException("repeated");
		IOException other = new IOException("other");
		ScriptedCall call = ScriptedCall.of(repeated, other, other, repeated);
		Throwable thrown = catchThrowable(() -> retry.execute("ctx", call.sync()));
		assertThat(thrown).isSameAs(repeated);
		assertThat(thrown.getSuppressed()).containsExactly(other);
	}

	@Test
	void rethrowsAWrappedFailureAsThrownButClassifiesItsCause() {
		Retry retry = retry(RetryConfig.builder().maxAttempts(2).jitter(0.0).build());
		CompletionException first = new CompletionException(new IOException("first"));
		CompletionException second = new CompletionException(new IllegalArgumentException("second"));
		ScriptedCall call = ScriptedCall.of(first, second);
		Throwable thrown = catchThrowable(() -> retry.execute("ctx", call.sync()));
		assertThat(thrown).isSameAs(second);
		assertThat(thrown.getSuppressed()).containsExactly(first);
		assertThat(retry.events().recent()).last()
			.satisfies((event) -> assertThat(event.type()).isEqualTo("IGNORED_ERROR"))
			.satisfies((event) -> assertThat(event.error()).isEqualTo("java.lang.IllegalArgumentException: second"));
	}

	@Test
	void singleAttemptNeverRetries() {
		Retry retry = retry(RetryConfig.builder().maxAttempts(1).build());
		ScriptedCall call = ScriptedCall.of(new IOException("down"), "never");
		assertThat(catchThrowable(() -> retry.execute("ctx", call.sync()))).isInstanceOf(IOException.class);
		assertThat(call.calls()).isOne();
		assertThat(retry.metrics().failureWithoutRetry()).isOne();
	}

	@Test
	void countsEachOutcome() throws Throwable {
		Retry retry = retry(RetryConfig.builder().maxAttempts(2).jitter(0.0).build());
		retry.execute("ctx", ScriptedCall.of("ok").sync());
		retry.execute("ctx", ScriptedCall.of("ok").sync());
		retry.execute("ctx", ScriptedCall.of(new IOException("once"), "ok").sync());
		catchThrowable(() -> retry.execute("ctx", ScriptedCall.of(new IOException("always")).sync()));
		catchThrowable(() -> retry.execute("ctx", ScriptedCall.of(new IllegalArgumentException("bad")).sync()));
		catchThrowable(() -> retry.execute("ctx", ScriptedCall.of(new IllegalArgumentException("bad")).sync()));
		catchThrowable(() -> retry.execute("ctx", ScriptedCall.of(new IllegalArgumentException("bad")).sync()));
		RetryMetrics metrics = retry.metrics();
		assertThat(metrics.successWithoutRetry()).isEqualTo(2);
		assertThat(metrics.successWithRetry()).isEqualTo(1);
		assertThat(metrics.failureWithRetry()).isEqualTo(1);
		assertThat(metrics.failureWithoutRetry()).isEqualTo(3);
	}

	@Test
	void recordsRetryEventsWithAttemptWaitAndError() throws Throwable {
		Retry retry = retry(RetryConfig.builder().maxAttempts(3).jitter(0.0).build());
		retry.execute("ctx", ScriptedCall.of(new IOException("flaky"), "ok").sync());
		List<ResilienceEvent> events = retry.events().recent();
		assertThat(events).extracting(ResilienceEvent::type).containsExactly("RETRY", "SUCCESS");
		ResilienceEvent retried = events.get(0);
		assertThat(retried.message()).isEqualTo("Attempt 1 of 3 failed; retrying in 500ms");
		assertThat(retried.error()).isEqualTo("java.io.IOException: flaky");
		assertThat(retried.timestamp()).isEqualTo(ManualTimeSource.START);
		ResilienceEvent succeeded = events.get(1);
		assertThat(succeeded.message()).isEqualTo("Succeeded on attempt 2");
		assertThat(succeeded.error()).isNull();
		assertThat(succeeded.timestamp()).isEqualTo(ManualTimeSource.START.plusMillis(500));
	}

	@Test
	void recordsAnErrorEventWhenAttemptsAreExhausted() {
		Retry retry = retry(RetryConfig.builder().maxAttempts(2).jitter(0.0).build());
		catchThrowable(() -> retry.execute("ctx", ScriptedCall.of(new IOException("down")).sync()));
		assertThat(retry.events().recent()).extracting(ResilienceEvent::type).containsExactly("RETRY", "ERROR");
		assertThat(retry.events().recent().get(1).message()).isEqualTo("Attempt 2 of 2 failed; no attempts left");
	}

	@Test
	void recordsNoEventForAFirstAttemptSuccess() throws Throwable {
		Retry retry = retry(RetryConfig.ofDefaults());
		retry.execute("ctx", ScriptedCall.of("ok").sync());
		assertThat(retry.events().totalCount()).isZero();
		assertThat(retry.metrics().successWithoutRetry()).isOne();
	}

	@Test
	void onFailedAttemptReturnsMinusOneAndCountsWhenNoAttemptFollows() {
		Retry retry = retry(RetryConfig.builder().maxAttempts(3).jitter(0.0).build());
		assertThat(retry.onFailedAttempt(1, new IOException("one"))).isEqualTo(500 * MS);
		assertThat(retry.onFailedAttempt(2, new IOException("two"))).isEqualTo(1000 * MS);
		assertThat(retry.onFailedAttempt(3, new IOException("three"))).isEqualTo(-1);
		assertThat(retry.metrics().failureWithRetry()).isOne();
		assertThat(retry.onFailedAttempt(1, new IllegalArgumentException("bad"))).isEqualTo(-1);
		assertThat(retry.metrics().failureWithoutRetry()).isOne();
	}

	@Test
	void onFailedAttemptRejectsAttemptBelowOne() {
		Retry retry = retry(RetryConfig.ofDefaults());
		assertThatIllegalArgumentException().isThrownBy(() -> retry.onFailedAttempt(0, new IOException()))
			.withMessage("attempt must be at least 1, but was 0");
	}

	@Test
	void interruptionWhileWaitingRestoresTheFlagAndRethrowsTheLastFailure() {
		InterruptedException interruption = new InterruptedException("stop");
		Retry retry = new Retry("interrupted", RetryConfig.builder().maxAttempts(5).jitter(0.0).build(),
				ErrorClassifier.defaults(), this.time, (nanos) -> {
					if (nanos > 600 * MS) {
						throw interruption;
					}
				}, RetryTests::unexpectedSchedule);
		IOException first = new IOException("first");
		IOException second = new IOException("second");
		ScriptedCall call = ScriptedCall.of(first, second, "never");
		Throwable thrown = catchThrowable(() -> retry.execute("ctx", call.sync()));
		assertThat(Thread.currentThread().isInterrupted()).isTrue();
		assertThat(thrown).isSameAs(second);
		assertThat(thrown.getSuppressed()).containsExactly(first, interruption);
		assertThat(call.calls()).isEqualTo(2);
		assertThat(retry.metrics().failureWithRetry()).isOne();
		assertThat(retry.events().recent()).last()
			.satisfies((event) -> assertThat(event.message())
				.isEqualTo("Interrupted while waiting to retry after attempt 2"));
	}

	@Test
	void interruptedExceptionFromTheCallIsNotRetried() {
		Retry retry = retry(RetryConfig.builder().jitter(0.0).build());
		InterruptedException interruption = new InterruptedException("cancelled");
		ScriptedCall call = ScriptedCall.of(interruption, "never");
		assertThat(catchThrowable(() -> retry.execute("ctx", call.sync()))).isSameAs(interruption);
		assertThat(call.calls()).isOne();
	}

	@Test
	void firstAttemptSuccessAllocatesNothing() throws Throwable {
		Retry retry = retry(RetryConfig.ofDefaults());
		CheckedFunction<String, String> call = (context) -> context;
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		for (int i = 0; i < 20_000; i++) {
			retry.execute("warm-up", call);
		}
		threads.getCurrentThreadAllocatedBytes();
		long before = threads.getCurrentThreadAllocatedBytes();
		for (int i = 0; i < 100_000; i++) {
			retry.execute("ctx", call);
		}
		long allocated = threads.getCurrentThreadAllocatedBytes() - before;
		// a single allocation per call would add up to at least 1.6 MB
		assertThat(allocated).isLessThan(16_000);
		assertThat(retry.metrics().successWithoutRetry()).isEqualTo(120_000);
	}

	@Test
	void exposesNameAndConfig() {
		RetryConfig config = RetryConfig.builder().maxAttempts(9).build();
		Retry retry = retry(config);
		assertThat(retry.name()).isEqualTo("test");
		assertThat(retry.config()).isSameAs(config);
		assertThat(retry).hasToString("Retry[test]");
	}

	@Test
	void ofUsesTheDefaultClassifier() {
		Retry retry = Retry.of("plain", RetryConfig.ofDefaults());
		assertThat(retry.name()).isEqualTo("plain");
		assertThat(retry.shouldRetry(new IOException())).isTrue();
		assertThat(retry.shouldRetry(new IllegalArgumentException())).isFalse();
	}

	private Retry retry(RetryConfig config) {
		return new Retry("test", config, ErrorClassifier.defaults(), this.time, this.sleeper,
				RetryTests::unexpectedSchedule);
	}

	private static void unexpectedSchedule(Runnable task, long delayNanos) {
		throw new AssertionError("not expected to schedule");
	}

}
