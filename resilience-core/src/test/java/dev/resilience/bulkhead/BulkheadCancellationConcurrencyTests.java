package dev.resilience.bulkhead;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import dev.resilience.core.Scheduler;
import dev.resilience.core.TimeSource;
import dev.resilience.testsupport.Concurrently;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hammers asynchronous calls of a {@link Bulkhead} that are completed by their callee or
 * cancelled by their caller, at random and at the same time, from many threads: never
 * more calls inside than slots, and every slot given back at the end.
 *
 * @author Resilience
 */
class BulkheadCancellationConcurrencyTests {

	private static final int SLOTS = 4;

	private static final int THREADS = 16;

	private static final int CALLS = 2_000;

	@Test
	void cancelledAndCompletedCallsNeverOverfillAndAlwaysGiveBackTheirSlots() throws Exception {
		Bulkhead bulkhead = new Bulkhead("hammered",
				BulkheadConfig.builder().maxConcurrentCalls(SLOTS).maxWaitDuration(Duration.ZERO).build(),
				TimeSource.system(), Scheduler.commonPool());
		AtomicInteger inside = new AtomicInteger();
		AtomicInteger mostInside = new AtomicInteger();
		Concurrently.runTogether(THREADS, () -> {
			ThreadLocalRandom random = ThreadLocalRandom.current();
			for (int i = 0; i < CALLS; i++) {
				CountedStage stage = new CountedStage(inside);
				CompletableFuture<String> result = bulkhead.executeAsync("call", (call) -> {
					mostInside.accumulateAndGet(stage.enter(), Math::max);
					return stage;
				});
				if (random.nextBoolean()) {
					result.cancel(true);
				}
				else {
					stage.complete("done");
				}
			}
			return null;
		});
		assertThat(mostInside.get()).isLessThanOrEqualTo(SLOTS);
		assertThat(inside).hasValue(0);
		assertThat(bulkhead.metrics().activeCalls()).isZero();
		assertThat(bulkhead.metrics().permittedCalls()).isPositive();
	}

	/**
	 * A method's future that leaves the count of calls inside as it completes, before
	 * anything that depends on it (the bulkhead giving back its slot) runs.
	 */
	static final class CountedStage extends CompletableFuture<String> {

		private final AtomicInteger inside;

		private volatile boolean entered;

		CountedStage(AtomicInteger inside) {
			this.inside = inside;
		}

		int enter() {
			this.entered = true;
			return this.inside.incrementAndGet();
		}

		@Override
		public boolean complete(String value) {
			leave();
			return super.complete(value);
		}

		@Override
		public boolean cancel(boolean mayInterruptIfRunning) {
			leave();
			return super.cancel(mayInterruptIfRunning);
		}

		private void leave() {
			if (this.entered && !isDone()) {
				this.inside.decrementAndGet();
			}
		}

	}

}
