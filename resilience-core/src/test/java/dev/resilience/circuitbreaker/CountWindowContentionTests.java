package dev.resilience.circuitbreaker;

import java.util.function.IntConsumer;

import dev.resilience.testsupport.Concurrently;
import org.junit.jupiter.api.RepeatedTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the totals of a {@link CountWindow} recorded into by many threads at once
 * match its calls once they are done.
 *
 * @author Resilience
 */
class CountWindowContentionTests {

	private static final int THREADS = 8;

	private static final int CALLS_PER_THREAD = 20_000;

	private static final int CAPACITY = 10;

	@RepeatedTest(3)
	void totalsMatchTheWindowAfterMixedOutcomesUnderContention() throws Exception {
		CountWindow window = new CountWindow(CAPACITY, CAPACITY, 100, 100);
		recordTogether((i) -> window.record(i % 3 == 0, i % 4 == 0));
		assertThat(window.bufferedCalls()).isEqualTo(CAPACITY);
		assertThat(window.failedCalls()).isBetween(0, CAPACITY);
		assertThat(window.slowCalls()).isBetween(0, CAPACITY);
		for (int i = 0; i < CAPACITY; i++) {
			window.record(false, false);
		}
		assertThat(window.failedCalls()).isZero();
		assertThat(window.slowCalls()).isZero();
		assertThat(window.successfulCalls()).isEqualTo(CAPACITY);
		assertThat(window.failureRate()).isZero();
		assertThat(window.slowCallRate()).isZero();
	}

	@RepeatedTest(3)
	void countsEveryCallWhenAllFailUnderContention() throws Exception {
		CountWindow window = new CountWindow(CAPACITY, CAPACITY, 100, 100);
		recordTogether((i) -> window.record(i % 2 == 0, i % 2 == 1));
		for (int i = 0; i < CAPACITY; i++) {
			window.record(true, true);
		}
		assertThat(window.snapshot()).isEqualTo(new CallStats.Snapshot(CAPACITY, CAPACITY, CAPACITY, 0, 100, 100));
	}

	@RepeatedTest(3)
	void fillsExactlyOnceUnderContention() throws Exception {
		int capacity = THREADS * CALLS_PER_THREAD;
		CountWindow window = new CountWindow(capacity, capacity, 100, 100);
		recordTogether((i) -> window.record(i % 5 == 0, false));
		assertThat(window.bufferedCalls()).isEqualTo(capacity);
		assertThat(window.failedCalls()).isEqualTo(capacity / 5);
		assertThat(window.failureRate()).isEqualTo(20f);
	}

	/**
	 * Record {@link #CALLS_PER_THREAD} calls on each of {@link #THREADS} threads released
	 * at once, passing each call its number within its thread.
	 */
	private static void recordTogether(IntConsumer record) throws Exception {
		Concurrently.runTogether(THREADS, () -> {
			for (int i = 0; i < CALLS_PER_THREAD; i++) {
				record.accept(i);
			}
			return null;
		});
	}

}
