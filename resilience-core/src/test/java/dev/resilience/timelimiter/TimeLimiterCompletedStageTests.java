package dev.resilience.timelimiter;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadPoolExecutor;

import dev.resilience.core.CheckedFunction;
import dev.resilience.core.ContextPropagator;
import dev.resilience.testsupport.ManualScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests for {@link TimeLimiter#executeAsync} with a call whose stage is already complete
 * when it returns it: nothing to time, so nothing is scheduled.
 */
class TimeLimiterCompletedStageTests {

	private static final Duration TIMEOUT = Duration.ofMillis(200);

	private final ManualScheduler scheduler = new ManualScheduler();

	private final ThreadPoolExecutor executor = SyncExecutors.boundedPool(1, 1);

	private final TimeLimiter limiter = new TimeLimiter("completed", new TimeLimiterConfig(TIMEOUT, true),
			this.executor, this.scheduler, ContextPropagator.none());

	@AfterEach
	void neverSchedulesNorUsesTheExecutor() {
		this.executor.shutdownNow();
		assertThat(this.executor.getTaskCount()).as("tasks run on the executor").isZero();
		assertThat(this.scheduler.pendingCount()).as("time-outs scheduled").isZero();
		assertThat(this.scheduler.delays()).as("time-outs scheduled").isEmpty();
		assertThat(this.limiter.metrics().timedOutCalls()).isZero();
		assertThat(this.limiter.events().recent()).isEmpty();
	}

	private static Throwable failureOf(CompletableFuture<?> future) {
		return future.handle((value, ex) -> ex).join();
	}

	@Test
	void returnsTheCallsOwnFutureWhenItHasSucceeded() {
		CompletableFuture<String> done = CompletableFuture.completedFuture("value");
		CompletableFuture<String> result = this.limiter.executeAsync("ctx", (context) -> done);
		assertThat(result).isSameAs(done).isCompletedWithValue("value");
		assertThat(this.limiter.metrics().successfulCalls()).isOne();
		assertThat(this.limiter.metrics().failedCalls()).isZero();
	}

	@Test
	void returnsTheCallsOwnFutureWhenItHasFailedWithAnUnwrappedFailure() {
		IOException failure = new IOException("boom");
		CompletableFuture<String> failed = CompletableFuture.failedFuture(failure);
		CompletableFuture<String> result = this.limiter.executeAsync("ctx", (context) -> failed);
		assertThat(result).isSameAs(failed);
		assertThat(failureOf(result)).isSameAs(failure);
		assertThat(this.limiter.metrics().failedCalls()).isOne();
		assertThat(this.limiter.metrics().successfulCalls()).isZero();
	}

	@Test
	void unwrapsTheFailureOfAStageThatFailedWithACompletionException() {
		IOException failure = new IOException("boom");
		CompletableFuture<String> failed = CompletableFuture.failedFuture(new CompletionException(failure));
		CompletableFuture<String> result = this.limiter.executeAsync("ctx", (context) -> failed);
		assertThat(failureOf(result)).isSameAs(failure);
		assertThat(this.limiter.metrics().failedCalls()).isOne();
	}

	@Test
	void unwrapsTheFailureOfADependentStageThatFailed() {
		IOException failure = new IOException("boom");
		CompletableFuture<String> dependent = CompletableFuture.<String>failedFuture(failure)
			.thenApply((value) -> value);
		assertThat(failureOf(dependent)).as("failure as the dependent stage holds it")
			.isInstanceOf(CompletionException.class);
		CompletableFuture<String> result = this.limiter.executeAsync("ctx", (context) -> dependent);
		assertThat(failureOf(result)).isSameAs(failure);
		assertThat(this.limiter.metrics().failedCalls()).isOne();
	}

	@Test
	void countsAStageCancelledBeforeItWasReturnedAsAFailure() {
		CompletableFuture<String> cancelled = new CompletableFuture<>();
		cancelled.cancel(true);
		CompletableFuture<String> result = this.limiter.executeAsync("ctx", (context) -> cancelled);
		assertThat(result).isCancelled();
		assertThat(failureOf(result)).isInstanceOf(CancellationException.class);
		assertThat(this.limiter.metrics().failedCalls()).isOne();
	}

	@Test
	void completesLikeACompleteSubclassOfCompletableFutureWithoutReturningIt() {
		CompletableFuture<String> subclass = new CompletableFuture<>() {
		};
		subclass.complete("value");
		CompletableFuture<String> result = this.limiter.executeAsync("ctx", (context) -> subclass);
		assertThat(result).isNotSameAs(subclass).isCompletedWithValue("value");
		assertThat(this.limiter.metrics().successfulCalls()).isOne();
	}

	@Test
	void completesLikeACompleteMinimalStage() {
		CompletionStage<String> minimal = CompletableFuture.completedStage("value");
		CompletableFuture<String> result = this.limiter.executeAsync("ctx", (context) -> minimal);
		assertThat(result).isCompletedWithValue("value");
		assertThat(this.limiter.metrics().successfulCalls()).isOne();
	}

	@Test
	void callWhoseFutureHasSucceededAllocatesNothing() {
		com.sun.management.ThreadMXBean threads = allocationCounter();
		CompletableFuture<String> done = CompletableFuture.completedFuture("value");
		CheckedFunction<String, CompletableFuture<String>> call = (context) -> done;
		int calls = 100_000;
		runCalls(call, calls);
		long thread = Thread.currentThread().getId();
		long before = threads.getThreadAllocatedBytes(thread);
		runCalls(call, calls);
		long allocated = threads.getThreadAllocatedBytes(thread) - before;
		// far below one object per call, above what measuring itself may cost
		assertThat(allocated).isLessThan(64 * 1024);
		assertThat(this.limiter.metrics().successfulCalls()).isEqualTo(2L * calls);
	}

	private void runCalls(CheckedFunction<String, CompletableFuture<String>> call, int calls) {
		for (int i = 0; i < calls; i++) {
			if (!this.limiter.executeAsync("ctx", call).isDone()) {
				throw new IllegalStateException("call " + i + " did not complete");
			}
		}
	}

	private static com.sun.management.ThreadMXBean allocationCounter() {
		boolean supported = ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
				&& threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled();
		assumeTrue(supported, "the JVM does not count allocated bytes per thread");
		return (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
	}

}
