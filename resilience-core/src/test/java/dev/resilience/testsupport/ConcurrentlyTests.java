package dev.resilience.testsupport;

import java.io.IOException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Concurrently}.
 *
 * @author Resilience
 */
class ConcurrentlyTests {

	@Test
	void runsEveryThreadAtOnce() throws InterruptedException {
		int threads = 8;
		// each thread waits for all the others: this finishes only if they all run
		// together
		CyclicBarrier allThere = new CyclicBarrier(threads);
		assertThat(Concurrently.runTogether(threads, () -> allThere.await(10, TimeUnit.SECONDS))).hasSize(threads);
	}

	@Test
	void returnsWhatEachThreadReturnedInTheOrderOfTheThreads() throws InterruptedException {
		assertThat(Concurrently.runTogether(4, (thread) -> "thread " + thread)).containsExactly("thread 0", "thread 1",
				"thread 2", "thread 3");
	}

	@Test
	void failsWhenAnyThreadFails() {
		IOException failure = new IOException("down");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> Concurrently.runTogether(4, (thread) -> {
			if (thread == 2) {
				throw failure;
			}
			return thread;
		})).withMessage("Thread 2 of 4 failed: java.io.IOException: down").withCause(failure);
	}

	@Test
	void rejectsFewerThanOneThread() {
		assertThatIllegalArgumentException().isThrownBy(() -> Concurrently.onPlatformThreads(0))
			.withMessage("threads must be at least 1, but was 0");
	}

}
