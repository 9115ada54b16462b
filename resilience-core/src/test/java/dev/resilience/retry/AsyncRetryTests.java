package dev.resilience.retry;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;

import dev.resilience.core.ErrorClassifier;
import dev.resilience.core.ResilienceEvent;
import dev.resilience.testsupport.ManualScheduler;
import dev.resilience.testsupport.ManualTimeSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Retry#executeAsync}.
 */
class AsyncRetryTests {

	private static final long MS = 1_000_000L;

	private final ManualTimeSource time = new ManualTimeSource();

	private final ManualScheduler scheduler = new ManualScheduler(this.time);

	private final Retry retry = new Retry("async", RetryConfig.builder().maxAttempts(3).jitter(0.0).build(),
			ErrorClassifier.defaults(), this.time, (nanos) -> {
				throw new AssertionError("an async retry must not sleep");
			}, this.scheduler);

	@Test
	void completesWithTheFirstSuccessWithoutScheduling() {
		ScriptedCall call = ScriptedCall.of("ok");
		CompletableFuture<String> result = this.retry.executeAsync("ctx", call.async());
		assertThat(result).isCompletedWithValue("ok");
		assertThat(this.scheduler.delays()).isEmpty();
		assertThat(this.retry.metrics().successWithoutRetry()).isOne();
	}

	@Test
	void schedulesEachRetryAfterItsWait() {
		ScriptedCall call = ScriptedCall.of(new IOException("one"), new IOException("two"), "ok");
		CompletableFuture<String> result = this.retry.executeAsync("ctx", call.async());
		assertThat(result).isNotDone();
		assertThat(call.calls()).isOne();
		assertThat(this.scheduler.pendingCount()).isOne();
		this.scheduler.runAll();
		assertThat(result).isCompletedWithValue("ok");
		assertThat(call.calls()).isEqualTo(3);
		assertThat(call.contexts()).containsExactly("ctx", "ctx", "ctx");
		assertThat(this.scheduler.delays()).containsExactly(500 * MS, 1000 * MS);
		assertThat(this.retry.metrics().successWithRetry()).isOne();
		assertThat(this.time.elapsed()).isEqualTo(Duration.ofMillis(1500));
	}

	@Test
	void failsWithTheLastFailureAndEarlierOnesSuppressed() {
		IOException first = new IOException("first");
		IOException second = new IOException("second");
		IOException third = new IOException("third");
		ScriptedCall call = ScriptedCall.of(first, second, third, "never");
		CompletableFuture<String> result = this.retry.executeAsync("ctx", call.async());
		this.scheduler.runAll();
		assertThat(result).isCompletedExceptionally();
		Throwable failure = result.handle((value, ex) -> ex).join();
		assertThat(failure).isSameAs(third);
		assertThat(failure.getSuppressed()).containsExactly(first, second);
		assertThat(this.retry.metrics().failureWithRetry()).isOne();
	}

	@Test
	void unwrapsCompletionExceptions() {
		IOException first = new IOException("first");
		IllegalArgumentException last = new IllegalArgumentException("last");
		ScriptedCall call = ScriptedCall.of(new CompletionException(first), new CompletionException(last));
		CompletableFuture<String> result = this.retry.executeAsync("ctx", call.async());
		this.scheduler.runAll();
		Throwable failure = result.handle((value, ex) -> ex).join();
		assertThat(failure).isSameAs(last);
		assertThat(failure.getSuppressed()).containsExactly(first);
	}

	@Test
	void countsASynchronousThrowAsAFailedAttempt() {
		IOException thrown = new IOException("thrown, not returned");
		ScriptedCall call = ScriptedCall.of(thrown, "ok");
		CompletableFuture<String> result = this.retry.executeAsync("ctx", call.asyncThrowing());
		assertThat(result).isNotDone();
		this.scheduler.runAll();
		assertThat(result).isCompletedWithValue("ok");
		assertThat(call.calls()).isEqualTo(2);
		assertThat(this.retry.events().recent()).extracting(ResilienceEvent::error)
			.containsExactly("java.io.IOException: thrown, not returned", null);
	}

	@Test
	void neverThrowsWhenTheCallThrowsANonRetryableFailure() {
		IllegalArgumentException thrown = new IllegalArgumentException("bad");
		CompletableFuture<String> result = this.retry.executeAsync("ctx",
				ScriptedCall.of(thrown, "never").asyncThrowing());
		assertThat(result.handle((value, ex) -> ex).join()).isSameAs(thrown);
		assertThat(this.scheduler.delays()).isEmpty();
		assertThat(this.retry.metrics().failureWithoutRetry()).isOne();
	}

	@Test
	void treatsANullStageAsAFailedAttempt() {
		Retry single = new Retry("async", RetryConfig.builder().maxAttempts(1).build(), ErrorClassifier.defaults(),
				this.time, (nanos) -> {
				}, this.scheduler);
		CompletableFuture<String> result = single.executeAsync("ctx", (context) -> null);
		assertThat(result.handle((value, ex) -> ex).join()).isInstanceOf(NullPointerException.class)
			.hasMessage("call returned null instead of a CompletionStage");
	}

	@Test
	void completesWhenTheStageCompletesLater() {
		CompletableFuture<String> pending = new CompletableFuture<>();
		CompletableFuture<String> result = this.retry.executeAsync("ctx", (context) -> pending);
		assertThat(result).isNotDone();
		pending.complete("late");
		assertThat(result).isCompletedWithValue("late");
	}

	@Test
	void cancellingTheResultStopsFurtherAttempts() {
		ScriptedCall call = ScriptedCall.of(new IOException("down"), "ok");
		CompletableFuture<String> result = this.retry.executeAsync("ctx", call.async());
		result.cancel(false);
		this.scheduler.runAll();
		assertThat(call.calls()).isOne();
		assertThat(result).isCancelled();
	}

	@Test
	void failsWithTheLastFailureWhenTheSchedulerRejectsTheRetry() {
		RejectedExecutionException rejection = new RejectedExecutionException("shut down");
		IOException first = new IOException("first");
		IOException second = new IOException("second");
		Retry rejecting = new Retry("async",
				RetryConfig.builder().maxAttempts(3).waitDuration(Duration.ofMillis(10)).jitter(0.0).build(),
				ErrorClassifier.defaults(), this.time, (nanos) -> {
				}, new RejectingAfterFirst(this.scheduler, rejection));
		ScriptedCall call = ScriptedCall.of(first, second, "never");
		CompletableFuture<String> result = rejecting.executeAsync("ctx", call.async());
		this.scheduler.runAll();
		Throwable failure = result.handle((value, ex) -> ex).join();
		assertThat(failure).isSameAs(second);
		assertThat(failure.getSuppressed()).containsExactly(first, rejection);
		assertThat(rejecting.metrics().failureWithRetry()).isOne();
		assertThat(call.calls()).isEqualTo(2);
	}

	private static final class RejectingAfterFirst implements dev.resilience.core.Scheduler {

		private final ManualScheduler delegate;

		private final RejectedExecutionException rejection;

		private boolean scheduled;

		RejectingAfterFirst(ManualScheduler delegate, RejectedExecutionException rejection) {
			this.delegate = delegate;
			this.rejection = rejection;
		}

		@Override
		public void schedule(Runnable task, long delayNanos) {
			if (this.scheduled) {
				throw this.rejection;
			}
			this.scheduled = true;
			this.delegate.schedule(task, delayNanos);
		}

	}

}
