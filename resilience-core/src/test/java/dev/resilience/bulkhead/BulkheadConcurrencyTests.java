package dev.resilience.bulkhead;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.resilience.core.CheckedFunction;
import dev.resilience.core.Scheduler;
import dev.resilience.core.TimeSource;
import dev.resilience.testsupport.Concurrently;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that a {@link Bulkhead} never lets more than {@code maxConcurrentCalls} calls in
 * at once, and loses no slot, under contention.
 *
 * @author Resilience
 */
class BulkheadConcurrencyTests {

	private static final int THREADS = 16;

	private static final int CALLS_PER_THREAD = 500;

	private static final Duration LONG_WAIT = Duration.ofSeconds(60);

	private final Occupancy occupancy = new Occupancy();

	@RepeatedTest(3)
	void waitingCallersNeverExceedTheLimit() throws Exception {
		Bulkhead bulkhead = bulkhead(4, LONG_WAIT);
		Concurrently.runTogether(THREADS, () -> {
			for (int i = 0; i < CALLS_PER_THREAD; i++) {
				bulkhead.execute(this.occupancy, Occupancy::enter);
			}
			return null;
		});
		assertThat(this.occupancy.max()).isBetween(1, 4);
		assertThat(bulkhead.metrics().permittedCalls()).isEqualTo(THREADS * CALLS_PER_THREAD);
		assertThat(bulkhead.metrics().rejectedCalls()).isZero();
		assertNothingHeld(bulkhead);
	}

	@RepeatedTest(3)
	void rejectingCallersNeverExceedTheLimit() throws Exception {
		Bulkhead bulkhead = bulkhead(3, Duration.ZERO);
		AtomicLong permitted = new AtomicLong();
		Concurrently.runTogether(THREADS, () -> {
			for (int i = 0; i < CALLS_PER_THREAD; i++) {
				if (bulkhead.tryAcquirePermission()) {
					permitted.incrementAndGet();
					try {
						this.occupancy.enter();
					}
					finally {
						bulkhead.releasePermission();
					}
				}
			}
			return null;
		});
		assertThat(this.occupancy.max()).isBetween(1, 3);
		assertThat(bulkhead.metrics().permittedCalls()).isEqualTo(permitted.get());
		assertThat(permitted.get() + bulkhead.metrics().rejectedCalls()).isEqualTo(THREADS * CALLS_PER_THREAD);
		assertNothingHeld(bulkhead);
	}

	@RepeatedTest(3)
	void waitersThatTimeOutLoseNoSlot() throws Exception {
		Bulkhead bulkhead = bulkhead(2, Duration.ofNanos(50_000));
		AtomicLong rejected = new AtomicLong();
		Concurrently.runTogether(THREADS, () -> {
			for (int i = 0; i < CALLS_PER_THREAD; i++) {
				try {
					bulkhead.execute(this.occupancy, Occupancy::enter);
				}
				catch (BulkheadFullException ex) {
					rejected.incrementAndGet();
				}
			}
			return null;
		});
		assertThat(this.occupancy.max()).isBetween(1, 2);
		assertThat(bulkhead.metrics().rejectedCalls()).isEqualTo(rejected.get());
		assertThat(bulkhead.metrics().permittedCalls() + rejected.get()).isEqualTo(THREADS * CALLS_PER_THREAD);
		assertNothingHeld(bulkhead);
	}

	@Test
	void tenThousandVirtualThreadsNeverExceedTheLimit() throws Exception {
		Bulkhead bulkhead = bulkhead(8, LONG_WAIT);
		int threads = 10_000;
		Concurrently.onVirtualThreads(threads).runTogether(() -> bulkhead.execute(this.occupancy, Occupancy::enter));
		assertThat(this.occupancy.max()).isBetween(1, 8);
		assertThat(bulkhead.metrics().permittedCalls()).isEqualTo(threads);
		assertNothingHeld(bulkhead);
	}

	@RepeatedTest(3)
	void asyncCallsNeverExceedTheLimitUntilTheirStagesComplete() throws Exception {
		Bulkhead bulkhead = bulkhead(4, LONG_WAIT);
		ExecutorService downstream = Executors.newFixedThreadPool(4);
		CheckedFunction<Occupancy, CompletableFuture<Integer>> call = (occupancy) -> {
			int inside = occupancy.arrive();
			return CompletableFuture.supplyAsync(() -> {
				Thread.yield();
				occupancy.leave();
				return inside;
			}, downstream);
		};
		List<CompletableFuture<Integer>> results = new ArrayList<>();
		try {
			List<List<CompletableFuture<Integer>>> perThread = Concurrently.runTogether(THREADS, () -> {
				List<CompletableFuture<Integer>> started = new ArrayList<>();
				for (int i = 0; i < CALLS_PER_THREAD / 5; i++) {
					started.add(bulkhead.executeAsync(this.occupancy, call));
				}
				return started;
			});
			perThread.forEach(results::addAll);
			CompletableFuture.allOf(results.toArray(new CompletableFuture<?>[0])).get(60, TimeUnit.SECONDS);
		}
		finally {
			downstream.shutdownNow();
		}
		assertThat(this.occupancy.max()).isBetween(1, 4);
		assertThat(bulkhead.metrics().permittedCalls()).isEqualTo(results.size());
		assertNothingHeld(bulkhead);
	}

	private static void assertNothingHeld(Bulkhead bulkhead) {
		assertThat(bulkhead.metrics().activeCalls()).isZero();
		assertThat(bulkhead.metrics().queuedCalls()).isZero();
		assertThat(bulkhead.metrics().availableSlots()).isEqualTo(bulkhead.config().maxConcurrentCalls());
	}

	private static Bulkhead bulkhead(int maxConcurrentCalls, Duration maxWaitDuration) {
		return new Bulkhead("inventory", new BulkheadConfig(maxConcurrentCalls, maxWaitDuration), TimeSource.system(),
				Scheduler.commonPool());
	}

	/**
	 * Counts the calls inside and remembers the most seen at once.
	 */
	static final class Occupancy {

		private final AtomicInteger inside = new AtomicInteger();

		private final AtomicInteger max = new AtomicInteger();

		int arrive() {
			int now = this.inside.incrementAndGet();
			this.max.accumulateAndGet(now, Math::max);
			return now;
		}

		void leave() {
			this.inside.decrementAndGet();
		}

		Integer enter() {
			int now = arrive();
			Thread.yield();
			leave();
			return now;
		}

		int max() {
			return this.max.get();
		}

	}

}
