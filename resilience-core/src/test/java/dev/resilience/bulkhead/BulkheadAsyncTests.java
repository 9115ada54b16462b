package dev.resilience.bulkhead;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import dev.resilience.testsupport.ManualScheduler;
import dev.resilience.testsupport.ManualTimeSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for the asynchronous side of {@link Bulkhead}: slots held until a stage
 * completes, and waits that are scheduled instead of blocking a thread.
 *
 * @author Resilience
 */
class BulkheadAsyncTests {

	private static final Duration WAIT = Duration.ofSeconds(2);

	private final ManualTimeSource clock = new ManualTimeSource();

	private final ManualScheduler scheduler = new ManualScheduler();

	@Test
	void acquiresAtOnceWhenASlotIsFree() {
		Bulkhead bulkhead = bulkhead(1, WAIT);
		assertThat(bulkhead.acquirePermissionAsync()).isCompleted();
		assertThat(bulkhead.metrics().activeCalls()).isOne();
		assertThat(this.scheduler.pendingCount()).isZero();
	}

	@Test
	void asyncCallHoldsItsSlotUntilItsStageCompletes() {
		Bulkhead bulkhead = bulkhead(1, Duration.ZERO);
		CompletableFuture<String> stage = new CompletableFuture<>();
		CompletableFuture<String> result = bulkhead.executeAsync("sku", (sku) -> stage);
		assertThat(result).isNotDone();
		assertThat(bulkhead.metrics().activeCalls()).isOne();
		assertThat(bulkhead.tryAcquirePermission()).isFalse();
		stage.complete("stock");
		assertThat(result).isCompletedWithValue("stock");
		assertThat(bulkhead.metrics().availableSlots()).isOne();
	}

	@Test
	void slotIsFreeBeforeTheResultCompletes() {
		Bulkhead bulkhead = bulkhead(1, Duration.ZERO);
		CompletableFuture<String> stage = new CompletableFuture<>();
		AtomicInteger freeWhenCompleted = new AtomicInteger(-1);
		bulkhead.executeAsync("sku", (sku) -> stage)
			.whenComplete((value, error) -> freeWhenCompleted.set(bulkhead.metrics().availableSlots()));
		IOException failure = new IOException("down");
		stage.completeExceptionally(failure);
		assertThat(freeWhenCompleted).hasValue(1);
	}

	@Test
	void failedStageFailsTheResultWithItsError() {
		Bulkhead bulkhead = bulkhead(1, Duration.ZERO);
		IOException failure = new IOException("down");
		CompletableFuture<String> result = bulkhead.executeAsync("sku",
				(sku) -> CompletableFuture.failedFuture(failure));
		assertThat(result).failsWithin(Duration.ZERO).withThrowableThat().havingCause().isSameAs(failure);
		assertThat(bulkhead.metrics().availableSlots()).isOne();
	}

	@Test
	void callThatThrowsFailsTheResultAndFreesItsSlot() {
		Bulkhead bulkhead = bulkhead(1, Duration.ZERO);
		IllegalStateException failure = new IllegalStateException("bug");
		CompletableFuture<String> result = bulkhead.executeAsync("sku", (sku) -> {
			throw failure;
		});
		assertThat(result).failsWithin(Duration.ZERO).withThrowableThat().havingCause().isSameAs(failure);
		assertThat(bulkhead.metrics().availableSlots()).isOne();
	}

	@Test
	void callThatReturnsNullFailsTheResultAndFreesItsSlot() {
		Bulkhead bulkhead = bulkhead(1, Duration.ZERO);
		CompletableFuture<String> result = bulkhead.executeAsync("sku", (sku) -> null);
		assertThat(result).failsWithin(Duration.ZERO)
			.withThrowableThat()
			.havingCause()
			.isInstanceOf(NullPointerException.class)
			.withMessage("call returned null instead of a CompletionStage");
		assertThat(bulkhead.metrics().availableSlots()).isOne();
	}

	@Test
	void zeroWaitRejectsWithAFailedFutureInsteadOfThrowing() {
		Bulkhead bulkhead = bulkhead(1, Duration.ZERO);
		bulkhead.acquirePermission();
		AtomicBoolean ran = new AtomicBoolean();
		AtomicReference<CompletableFuture<String>> result = new AtomicReference<>();
		assertThatNoException().isThrownBy(() -> result.set(bulkhead.executeAsync("sku", (sku) -> {
			ran.set(true);
			return CompletableFuture.completedFuture(sku);
		})));
		assertThat(result.get()).failsWithin(Duration.ZERO)
			.withThrowableThat()
			.havingCause()
			.isInstanceOf(BulkheadFullException.class);
		assertThat(ran).isFalse();
		assertThat(this.scheduler.pendingCount()).isZero();
		assertThat(bulkhead.metrics().rejectedCalls()).isOne();
	}

	@Test
	void asyncCallerQueuesWithoutBlockingAndRunsWhenASlotIsReleased() {
		Bulkhead bulkhead = bulkhead(1, WAIT);
		bulkhead.acquirePermission();
		AtomicBoolean ran = new AtomicBoolean();
		CompletableFuture<String> result = bulkhead.executeAsync("sku", (sku) -> {
			ran.set(true);
			return CompletableFuture.completedFuture(sku + " in stock");
		});
		assertThat(result).isNotDone();
		assertThat(ran).isFalse();
		assertThat(bulkhead.metrics().queuedCalls()).isOne();
		assertThat(this.scheduler.delays()).containsExactly(WAIT.toNanos());
		bulkhead.releasePermission();
		assertThat(result).isCompletedWithValue("sku in stock");
		assertThat(bulkhead.metrics().queuedCalls()).isZero();
		assertThat(bulkhead.metrics().availableSlots()).isOne();
		assertThat(bulkhead.metrics().permittedCalls()).isEqualTo(2);
	}

	@Test
	void asyncWaiterFailsWhenItsTimeoutFiresFirst() {
		Bulkhead bulkhead = bulkhead(1, WAIT);
		bulkhead.acquirePermission();
		CompletableFuture<Void> permission = bulkhead.acquirePermissionAsync();
		assertThat(permission).isNotDone();
		this.scheduler.runAll();
		assertThat(permission).failsWithin(Duration.ZERO)
			.withThrowableThat()
			.havingCause()
			.isInstanceOf(BulkheadFullException.class)
			.withMessage("Bulkhead 'inventory' is full: all 1 slots are in use and none was freed within 2000ms");
		assertThat(bulkhead.metrics().queuedCalls()).isZero();
		assertThat(bulkhead.metrics().rejectedCalls()).isOne();
		bulkhead.releasePermission();
		assertThat(bulkhead.metrics().availableSlots()).isOne();
	}

	@Test
	void timeoutAfterTheSlotWasHandedOverChangesNothing() {
		Bulkhead bulkhead = bulkhead(1, WAIT);
		bulkhead.acquirePermission();
		CompletableFuture<Void> permission = bulkhead.acquirePermissionAsync();
		bulkhead.releasePermission();
		assertThat(permission).isCompleted();
		this.scheduler.runAll();
		assertThat(permission).isCompleted().isNotCompletedExceptionally();
		assertThat(bulkhead.metrics().activeCalls()).isOne();
		assertThat(bulkhead.metrics().rejectedCalls()).isZero();
	}

	@Test
	void cancelledAsyncCallGivesUpItsPlaceInTheQueue() {
		Bulkhead bulkhead = bulkhead(1, WAIT);
		bulkhead.acquirePermission();
		AtomicBoolean ran = new AtomicBoolean();
		CompletableFuture<String> result = bulkhead.executeAsync("sku", (sku) -> {
			ran.set(true);
			return CompletableFuture.completedFuture(sku);
		});
		result.cancel(false);
		bulkhead.releasePermission();
		assertThat(ran).isFalse();
		assertThat(bulkhead.metrics().availableSlots()).isOne();
		assertThat(bulkhead.metrics().queuedCalls()).isZero();
		this.scheduler.runAll();
		assertThat(bulkhead.metrics().rejectedCalls()).isZero();
		assertThat(bulkhead.metrics().permittedCalls()).isOne();
	}

	@Test
	void longQueueOfCallsThatCompleteAtOnceRunsInOrderWithoutDeepStacks() {
		Bulkhead bulkhead = bulkhead(1, WAIT);
		bulkhead.acquirePermission();
		int calls = 20_000;
		List<Integer> order = new ArrayList<>();
		List<CompletableFuture<Integer>> results = new ArrayList<>();
		AtomicInteger shallowest = new AtomicInteger(Integer.MAX_VALUE);
		AtomicInteger deepest = new AtomicInteger();
		for (int i = 0; i < calls; i++) {
			results.add(bulkhead.executeAsync(i, (id) -> {
				order.add(id);
				if (id % 100 == 0) {
					int depth = new Throwable().getStackTrace().length;
					shallowest.accumulateAndGet(depth, Math::min);
					deepest.accumulateAndGet(depth, Math::max);
				}
				return CompletableFuture.completedFuture(id);
			}));
		}
		assertThat(bulkhead.metrics().queuedCalls()).isEqualTo(calls);
		bulkhead.releasePermission();
		assertThat(CompletableFuture.allOf(results.toArray(new CompletableFuture<?>[0]))).isCompleted();
		assertThat(order).hasSize(calls).isSorted();
		assertThat(deepest.get() - shallowest.get()).as("stack growth").isLessThan(10);
		assertThat(bulkhead.metrics().availableSlots()).isOne();
		assertThat(bulkhead.metrics().permittedCalls()).isEqualTo(calls + 1);
	}

	@Test
	void failingSchedulerFailsTheWaiterInsteadOfLeavingItQueued() {
		IllegalStateException shutDown = new IllegalStateException("scheduler shut down");
		Bulkhead bulkhead = new Bulkhead("inventory", new BulkheadConfig(1, WAIT), this.clock, (task, delay) -> {
			throw shutDown;
		});
		bulkhead.acquirePermission();
		CompletableFuture<Void> permission = bulkhead.acquirePermissionAsync();
		assertThat(permission).failsWithin(Duration.ZERO).withThrowableThat().havingCause().isSameAs(shutDown);
		assertThat(bulkhead.metrics().queuedCalls()).isZero();
	}

	private Bulkhead bulkhead(int maxConcurrentCalls, Duration maxWaitDuration) {
		return new Bulkhead("inventory", new BulkheadConfig(maxConcurrentCalls, maxWaitDuration), this.clock,
				this.scheduler);
	}

}
