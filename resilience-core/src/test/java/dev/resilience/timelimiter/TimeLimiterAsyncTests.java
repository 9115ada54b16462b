package dev.resilience.timelimiter;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicReference;

import dev.resilience.core.ContextPropagator;
import dev.resilience.core.Scheduler;
import dev.resilience.testsupport.ManualScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TimeLimiter#executeAsync}, timed by a scheduler fired by hand.
 */
class TimeLimiterAsyncTests {

	private static final Duration TIMEOUT = Duration.ofMillis(200);

	private final ManualScheduler scheduler = new ManualScheduler();

	private final ThreadPoolExecutor executor = SyncExecutors.boundedPool(1, 1);

	@AfterEach
	void neverUsesTheExecutor() {
		this.executor.shutdownNow();
		assertThat(this.executor.getTaskCount()).as("tasks run on the executor").isZero();
	}

	private TimeLimiter limiter(boolean cancelRunning) {
		return limiter(cancelRunning, ContextPropagator.none());
	}

	private TimeLimiter limiter(boolean cancelRunning, ContextPropagator propagator) {
		return new TimeLimiter("async", new TimeLimiterConfig(TIMEOUT, cancelRunning), this.executor, this.scheduler,
				propagator);
	}

	private static Throwable failureOf(CompletableFuture<?> future) {
		return future.handle((value, ex) -> ex).join();
	}

	@Test
	void runsTheCallOnTheCallersThreadAndSchedulesTheTimeout() {
		TimeLimiter limiter = limiter(true);
		AtomicReference<Thread> thread = new AtomicReference<>();
		CompletableFuture<String> source = new CompletableFuture<>();
		CompletableFuture<String> result = limiter.executeAsync("ctx", (context) -> {
			thread.set(Thread.currentThread());
			return source;
		});
		assertThat(thread.get()).isSameAs(Thread.currentThread());
		assertThat(result).isNotDone();
		assertThat(this.scheduler.delays()).containsExactly(TIMEOUT.toNanos());
	}

	@Test
	void failsWithTimeLimitExceededWhenTheTimeoutFires() {
		TimeLimiter limiter = limiter(true);
		CompletableFuture<String> source = new CompletableFuture<>();
		CompletableFuture<String> result = limiter.executeAsync("ctx", (context) -> source);
		this.scheduler.runAll();
		assertThat(failureOf(result)).isInstanceOfSatisfying(TimeLimitExceededException.class, (ex) -> {
			assertThat(ex.getInstanceName()).isEqualTo("async");
			assertThat(ex.getTimeout()).isEqualTo(TIMEOUT);
		});
		assertThat(limiter.metrics().timedOutCalls()).isOne();
		assertThat(limiter.metrics().successfulCalls()).isZero();
		assertThat(limiter.events().recent()).singleElement()
			.satisfies((event) -> assertThat(event.type()).isEqualTo("TIMEOUT"));
	}

	@Test
	void cancelsTheSourceOnTimeoutWhenCancelRunning() {
		TimeLimiter limiter = limiter(true);
		CompletableFuture<String> source = new CompletableFuture<>();
		limiter.executeAsync("ctx", (context) -> source);
		this.scheduler.runAll();
		assertThat(source).isCancelled();
		assertThat(limiter.metrics().failedCalls()).isZero();
	}

	@Test
	void leavesTheSourceRunningWhenNotCancelRunning() {
		TimeLimiter limiter = limiter(false);
		CompletableFuture<String> source = new CompletableFuture<>();
		CompletableFuture<String> result = limiter.executeAsync("ctx", (context) -> source);
		this.scheduler.runAll();
		assertThat(source).isNotDone();
		source.complete("late");
		assertThat(failureOf(result)).isInstanceOf(TimeLimitExceededException.class);
		assertThat(limiter.metrics().timedOutCalls()).isOne();
		assertThat(limiter.metrics().successfulCalls()).isZero();
	}

	@Test
	void timesOutEvenWhenTheSourceRefusesToBeCancelled() {
		TimeLimiter limiter = limiter(true);
		CompletableFuture<String> source = new CompletableFuture<>() {

			@Override
			public CompletableFuture<String> toCompletableFuture() {
				throw new UnsupportedOperationException("not convertible");
			}

		};
		CompletableFuture<String> result = limiter.executeAsync("ctx", (context) -> source);
		this.scheduler.runAll();
		assertThat(failureOf(result)).isInstanceOf(TimeLimitExceededException.class);
		assertThat(source).isNotDone();
	}

	@Test
	void completesWithTheValueOfASourceInTimeAndIgnoresTheLaterTimeout() {
		TimeLimiter limiter = limiter(true);
		CompletableFuture<String> source = new CompletableFuture<>();
		CompletableFuture<String> result = limiter.executeAsync("ctx", (context) -> source);
		source.complete("value");
		this.scheduler.runAll();
		assertThat(result).isCompletedWithValue("value");
		assertThat(limiter.metrics().successfulCalls()).isOne();
		assertThat(limiter.metrics().timedOutCalls()).isZero();
		assertThat(limiter.events().recent()).isEmpty();
	}

	@Test
	void failsWithTheSourcesOwnFailureUnwrapped() {
		TimeLimiter limiter = limiter(true);
		IOException failure = new IOException("boom");
		CompletableFuture<String> source = new CompletableFuture<>();
		CompletableFuture<String> result = limiter.executeAsync("ctx", (context) -> source.thenApply((v) -> v));
		source.completeExceptionally(failure);
		assertThat(failureOf(result)).isSameAs(failure);
		assertThat(limiter.metrics().failedCalls()).isOne();
	}

	@Test
	void schedulesNothingForAStageAlreadyComplete() {
		TimeLimiter limiter = limiter(true);
		CompletableFuture<String> result = limiter.executeAsync("ctx",
				(context) -> CompletableFuture.completedFuture(context));
		assertThat(result).isCompletedWithValue("ctx");
		assertThat(this.scheduler.delays()).isEmpty();
		assertThat(limiter.metrics().successfulCalls()).isOne();
	}

	@Test
	void returnsAFailedFutureWhenTheCallThrows() {
		TimeLimiter limiter = limiter(true);
		IllegalStateException failure = new IllegalStateException("no stage");
		CompletableFuture<String> result = limiter.executeAsync("ctx", (context) -> {
			throw failure;
		});
		assertThat(failureOf(result)).isSameAs(failure);
		assertThat(limiter.metrics().failedCalls()).isOne();
		assertThat(this.scheduler.delays()).isEmpty();
	}

	@Test
	void returnsAFailedFutureWhenTheCallReturnsNull() {
		TimeLimiter limiter = limiter(true);
		CompletableFuture<String> result = limiter.executeAsync("ctx", (context) -> null);
		assertThat(failureOf(result)).isInstanceOf(NullPointerException.class).hasMessage("call must not return null");
	}

	@Test
	void failsAndCancelsTheSourceWhenTheTimeoutCannotBeScheduled() {
		RejectedExecutionException refusal = new RejectedExecutionException("shut down");
		Scheduler refusing = (task, delayNanos) -> {
			throw refusal;
		};
		TimeLimiter limiter = new TimeLimiter("async", new TimeLimiterConfig(TIMEOUT, true), this.executor, refusing,
				ContextPropagator.none());
		CompletableFuture<String> source = new CompletableFuture<>();
		CompletableFuture<String> result = limiter.executeAsync("ctx", (context) -> source);
		assertThat(failureOf(result)).isSameAs(refusal);
		assertThat(source).isCancelled();
		assertThat(limiter.metrics().failedCalls()).isOne();
	}

	@Test
	void runsTheTimeoutWithinTheCallersContext() {
		ThreadLocalPropagator propagator = new ThreadLocalPropagator();
		TimeLimiter limiter = limiter(true, propagator);
		CompletableFuture<String> result;
		ThreadLocalPropagator.CONTEXT.set("caller");
		try {
			result = limiter.executeAsync("ctx", (context) -> new CompletableFuture<String>());
		}
		finally {
			ThreadLocalPropagator.CONTEXT.remove();
		}
		AtomicReference<String> seen = new AtomicReference<>();
		result.whenComplete((value, ex) -> seen.set(ThreadLocalPropagator.CONTEXT.get()));
		this.scheduler.runAll();
		assertThat(seen.get()).isEqualTo("caller");
		assertThat(ThreadLocalPropagator.CONTEXT.get()).isNull();
		assertThat(propagator.wrapped()).isOne();
	}

	@Test
	void completionAfterTheCallerCancelledChangesNothing() {
		TimeLimiter limiter = limiter(true);
		CompletableFuture<String> source = new CompletableFuture<>();
		CompletableFuture<String> result = limiter.executeAsync("ctx", (context) -> source);
		result.cancel(false);
		source.complete("value");
		this.scheduler.runAll();
		assertThat(result).isCancelled();
		assertThat(limiter.metrics().timedOutCalls()).isZero();
	}

	@Test
	void lowLevelHooksCountLikeTheGuardedCalls() {
		TimeLimiter limiter = limiter(true);
		limiter.onSuccess();
		limiter.onError(new CompletionException(new IOException("boom")));
		limiter.onError(new IOException("boom"));
		TimeLimitExceededException timeout = limiter.onTimeout();
		assertThat(timeout.getInstanceName()).isEqualTo("async");
		assertThat(timeout.getTimeout()).isEqualTo(TIMEOUT);
		assertThat(limiter.metrics().successfulCalls()).isOne();
		assertThat(limiter.metrics().failedCalls()).isEqualTo(2);
		assertThat(limiter.metrics().timedOutCalls()).isOne();
		assertThat(limiter.events().recent()).singleElement()
			.satisfies((event) -> assertThat(event.message()).isEqualTo(timeout.getMessage()));
	}

	@Test
	void acceptsAMinimalCompletionStage() {
		TimeLimiter limiter = limiter(true);
		CompletableFuture<String> source = new CompletableFuture<>();
		CompletionStage<String> minimal = source.minimalCompletionStage();
		CompletableFuture<String> result = limiter.executeAsync("ctx", (context) -> minimal);
		this.scheduler.runAll();
		assertThat(failureOf(result)).isInstanceOf(TimeLimitExceededException.class);
	}

}
