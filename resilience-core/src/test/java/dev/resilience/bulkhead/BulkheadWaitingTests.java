package dev.resilience.bulkhead;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import dev.resilience.core.TimeSource;
import dev.resilience.testsupport.ManualScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link Bulkhead} callers that queue for a slot, on real threads and the
 * system clock.
 *
 * @author Resilience
 */
class BulkheadWaitingTests {

	private static final Duration LONG_WAIT = Duration.ofSeconds(30);

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final ManualScheduler scheduler = new ManualScheduler();

	@AfterEach
	void stopThreads() {
		this.executor.shutdownNow();
	}

	@Test
	void waiterGetsTheSlotWhenItIsReleased() throws Exception {
		Bulkhead bulkhead = bulkhead(1, LONG_WAIT);
		bulkhead.acquirePermission();
		Future<String> waiter = this.executor
			.submit(Tasks.callable(() -> bulkhead.execute("sku", (sku) -> "got " + sku)));
		awaitQueued(bulkhead, 1);
		assertThat(waiter).isNotDone();
		bulkhead.releasePermission();
		assertThat(waiter.get(10, TimeUnit.SECONDS)).isEqualTo("got sku");
		assertThat(bulkhead.metrics().availableSlots()).isOne();
		assertThat(bulkhead.metrics().permittedCalls()).isEqualTo(2);
		assertThat(bulkhead.metrics().rejectedCalls()).isZero();
	}

	@Test
	void waitersGetSlotsInTheOrderTheyQueued() throws Exception {
		Bulkhead bulkhead = bulkhead(1, LONG_WAIT);
		bulkhead.acquirePermission();
		List<Integer> order = new CopyOnWriteArrayList<>();
		List<Future<?>> waiters = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			int id = i;
			waiters.add(this.executor.submit(Tasks.callable(() -> bulkhead.execute(id, order::add))));
			awaitQueued(bulkhead, i + 1);
		}
		bulkhead.releasePermission();
		for (Future<?> waiter : waiters) {
			waiter.get(10, TimeUnit.SECONDS);
		}
		assertThat(order).containsExactly(0, 1, 2, 3, 4, 5);
	}

	@Test
	void synchronousAndAsynchronousWaitersShareOneQueue() throws Exception {
		Bulkhead bulkhead = bulkhead(1, LONG_WAIT);
		bulkhead.acquirePermission();
		List<String> order = new CopyOnWriteArrayList<>();
		List<Future<?>> threads = new ArrayList<>();
		List<CompletableFuture<?>> futures = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			String id = ((i % 2 == 0) ? "thread-" : "async-") + i;
			if (i % 2 == 0) {
				threads.add(this.executor.submit(Tasks.callable(() -> bulkhead.execute(id, order::add))));
			}
			else {
				futures.add(bulkhead.executeAsync(id, (name) -> {
					order.add(name);
					return CompletableFuture.completedFuture(name);
				}));
			}
			awaitQueued(bulkhead, i + 1);
		}
		bulkhead.releasePermission();
		for (Future<?> thread : threads) {
			thread.get(10, TimeUnit.SECONDS);
		}
		CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0])).get(10, TimeUnit.SECONDS);
		assertThat(order).containsExactly("thread-0", "async-1", "thread-2", "async-3", "thread-4", "async-5");
	}

	@Test
	void releasedSlotGoesToTheWaiterNotToANewcomer() throws Exception {
		Bulkhead bulkhead = bulkhead(1, LONG_WAIT);
		bulkhead.acquirePermission();
		CountDownLatch acquired = new CountDownLatch(1);
		CountDownLatch done = new CountDownLatch(1);
		Future<?> waiter = this.executor.submit(() -> {
			bulkhead.acquirePermission();
			acquired.countDown();
			done.await();
			bulkhead.releasePermission();
			return null;
		});
		awaitQueued(bulkhead, 1);
		bulkhead.releasePermission();
		assertThat(bulkhead.tryAcquirePermission()).isFalse();
		CompletableFuture<Void> asyncNewcomer = bulkhead.acquirePermissionAsync();
		assertThat(asyncNewcomer).isNotDone();
		asyncNewcomer.cancel(false);
		assertThat(acquired.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(bulkhead.metrics().activeCalls()).isOne();
		done.countDown();
		waiter.get(10, TimeUnit.SECONDS);
		assertThat(bulkhead.metrics().availableSlots()).isOne();
	}

	@Test
	void waiterThatGetsNoSlotInTimeIsRejected() {
		Bulkhead bulkhead = bulkhead(1, Duration.ofMillis(50));
		bulkhead.acquirePermission();
		long start = System.nanoTime();
		assertThatExceptionOfType(BulkheadFullException.class).isThrownBy(bulkhead::acquirePermission)
			.withMessage("Bulkhead 'inventory' is full: all 1 slots are in use and none was freed within 50ms");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
		assertThat(bulkhead.metrics().queuedCalls()).isZero();
		assertThat(bulkhead.metrics().rejectedCalls()).isOne();
		assertThat(bulkhead.events().recent()).singleElement()
			.satisfies((event) -> assertThat(event.message())
				.isEqualTo("Rejected a call that waited 50ms for one of 1 slots, 0 queued; 1 rejected since creation"));
		bulkhead.releasePermission();
		assertThat(bulkhead.tryAcquirePermission()).isTrue();
	}

	@Test
	void timedOutWaiterLeavesTheQueueAndLaterWaitersKeepTheirPlace() throws Exception {
		Bulkhead bulkhead = bulkhead(1, Duration.ofMillis(500));
		bulkhead.acquirePermission();
		Future<?> impatient = this.executor.submit(() -> {
			bulkhead.acquirePermission();
			return null;
		});
		awaitQueued(bulkhead, 1);
		// its timeout is left to the manual scheduler, so it waits until a slot is free
		CompletableFuture<String> patient = bulkhead.executeAsync("x", CompletableFuture::completedFuture);
		assertThat(bulkhead.metrics().queuedCalls()).isEqualTo(2);
		await().atMost(Duration.ofSeconds(10)).until(impatient::isDone);
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(impatient::get)
			.withCauseInstanceOf(BulkheadFullException.class);
		assertThat(bulkhead.metrics().queuedCalls()).isOne();
		assertThat(patient).isNotDone();
		bulkhead.releasePermission();
		assertThat(patient).isCompletedWithValue("x");
		assertThat(bulkhead.metrics().availableSlots()).isOne();
		assertThat(bulkhead.metrics().queuedCalls()).isZero();
	}

	@Test
	void interruptedWaiterIsRejectedWithItsInterruptFlagSet() throws Exception {
		Bulkhead bulkhead = bulkhead(1, LONG_WAIT);
		bulkhead.acquirePermission();
		AtomicReference<Thread> thread = new AtomicReference<>();
		Future<Boolean> waiter = this.executor.submit(() -> {
			thread.set(Thread.currentThread());
			try {
				bulkhead.acquirePermission();
				return null;
			}
			catch (BulkheadFullException ex) {
				assertThat(ex)
					.hasMessage("Bulkhead 'inventory' is full: interrupted while waiting for one of its 1 slots");
				return Thread.currentThread().isInterrupted();
			}
		});
		awaitQueued(bulkhead, 1);
		thread.get().interrupt();
		assertThat(waiter.get(10, TimeUnit.SECONDS)).as("interrupt flag restored").isTrue();
		assertThat(bulkhead.metrics().queuedCalls()).isZero();
		assertThat(bulkhead.metrics().rejectedCalls()).isOne();
		bulkhead.releasePermission();
		assertThat(bulkhead.metrics().availableSlots()).as("no slot lost to the interrupted waiter").isOne();
	}

	@Test
	void threadInterruptedBeforeWaitingIsRejectedAtOnce() {
		Bulkhead bulkhead = bulkhead(1, LONG_WAIT);
		bulkhead.acquirePermission();
		long start = System.nanoTime();
		Thread.currentThread().interrupt();
		try {
			assertThatExceptionOfType(BulkheadFullException.class).isThrownBy(bulkhead::acquirePermission);
			assertThat(Thread.currentThread().isInterrupted()).isTrue();
		}
		finally {
			Thread.interrupted();
		}
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(LONG_WAIT);
		assertThat(bulkhead.metrics().queuedCalls()).isZero();
	}

	private Bulkhead bulkhead(int maxConcurrentCalls, Duration maxWaitDuration) {
		return new Bulkhead("inventory", new BulkheadConfig(maxConcurrentCalls, maxWaitDuration), TimeSource.system(),
				this.scheduler);
	}

	private static void awaitQueued(Bulkhead bulkhead, int queued) {
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(5))
			.until(() -> bulkhead.metrics().queuedCalls() == queued);
	}

}
