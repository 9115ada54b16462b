package dev.resilience.timelimiter;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import dev.resilience.core.ContextPropagator;
import dev.resilience.core.ResilienceEvent;
import dev.resilience.testsupport.ManualScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link TimeLimiter#execute}, on real threads: the timeouts that must fire are
 * short, those that must not are long.
 */
class TimeLimiterTests {

	private static final Duration SHORT = Duration.ofMillis(50);

	private static final Duration LONG = Duration.ofMinutes(1);

	private final ExecutorService executor = Executors.newSingleThreadExecutor();

	private final ManualScheduler scheduler = new ManualScheduler();

	@AfterEach
	void shutDown() {
		this.executor.shutdownNow();
	}

	private TimeLimiter limiter(Duration timeout, boolean cancelRunning) {
		return limiter(timeout, cancelRunning, ContextPropagator.none());
	}

	private TimeLimiter limiter(Duration timeout, boolean cancelRunning, ContextPropagator propagator) {
		return new TimeLimiter("sync", new TimeLimiterConfig(timeout, cancelRunning), this.executor, this.scheduler,
				propagator);
	}

	@Test
	void returnsTheResultOfACallInTime() throws Throwable {
		TimeLimiter limiter = limiter(LONG, true);
		AtomicReference<Thread> thread = new AtomicReference<>();
		String result = limiter.execute("ctx", (context) -> {
			thread.set(Thread.currentThread());
			return "hello " + context;
		});
		assertThat(result).isEqualTo("hello ctx");
		assertThat(thread.get()).isNotSameAs(Thread.currentThread());
		assertThat(limiter.metrics().successfulCalls()).isOne();
		assertThat(limiter.metrics().failedCalls()).isZero();
		assertThat(limiter.metrics().timedOutCalls()).isZero();
		assertThat(limiter.events().recent()).isEmpty();
	}

	@Test
	void rethrowsTheCallsOwnExceptionUnwrapped() {
		TimeLimiter limiter = limiter(LONG, true);
		IOException failure = new IOException("boom");
		Throwable thrown = catchThrowable(() -> limiter.execute("ctx", (context) -> {
			throw failure;
		}));
		assertThat(thrown).isSameAs(failure);
		assertThat(limiter.metrics().failedCalls()).isOne();
		assertThat(limiter.metrics().successfulCalls()).isZero();
	}

	@Test
	void rethrowsAThrowableThatIsNeitherExceptionNorError() {
		TimeLimiter limiter = limiter(LONG, true);
		Throwable odd = new Throwable("odd");
		assertThat(catchThrowable(() -> limiter.execute("ctx", (context) -> {
			throw odd;
		}))).isSameAs(odd);
	}

	@Test
	void timesOutAndInterruptsTheCallFreeingItsThread() throws Throwable {
		TimeLimiter limiter = limiter(SHORT, true);
		BlockingCall call = new BlockingCall();
		assertThatExceptionOfType(TimeLimitExceededException.class).isThrownBy(() -> limiter.execute("ctx", call))
			.satisfies((ex) -> {
				assertThat(ex.getInstanceName()).isEqualTo("sync");
				assertThat(ex.getTimeout()).isEqualTo(SHORT);
			});
		await().atMost(Duration.ofSeconds(10)).until(call::finished);
		assertThat(call.interrupted()).isTrue();
		// the executor's only thread is free again
		AtomicReference<Thread> next = new AtomicReference<>();
		limiter(LONG, true).execute("ctx", (context) -> next.getAndSet(Thread.currentThread()));
		assertThat(next.get()).isSameAs(call.thread());
	}

	@Test
	void countsAndRecordsATimeout() {
		TimeLimiter limiter = limiter(SHORT, true);
		BlockingCall call = new BlockingCall();
		catchThrowable(() -> limiter.execute("ctx", call));
		assertThat(limiter.metrics().timedOutCalls()).isOne();
		assertThat(limiter.metrics().failedCalls()).isZero();
		assertThat(limiter.metrics().successfulCalls()).isZero();
		assertThat(limiter.events().recent()).singleElement().satisfies((event) -> {
			assertThat(event.type()).isEqualTo("TIMEOUT");
			assertThat(event.message()).isEqualTo("TimeLimiter 'sync' timed out the call after 50ms");
		});
	}

	@Test
	void leavesTheCallRunningWhenNotCancelRunning() {
		TimeLimiter limiter = limiter(SHORT, false);
		BlockingCall call = new BlockingCall();
		assertThatExceptionOfType(TimeLimitExceededException.class).isThrownBy(() -> limiter.execute("ctx", call));
		assertThat(call.finished()).isFalse();
		call.release();
		await().atMost(Duration.ofSeconds(10)).until(call::finished);
		assertThat(call.interrupted()).isFalse();
		assertThat(limiter.metrics().timedOutCalls()).isOne();
		assertThat(limiter.metrics().successfulCalls()).isZero();
	}

	@Test
	void carriesTheCallersContextIntoTheCall() throws Throwable {
		ThreadLocalPropagator propagator = new ThreadLocalPropagator();
		TimeLimiter limiter = limiter(LONG, true, propagator);
		ThreadLocalPropagator.CONTEXT.set("caller");
		try {
			String propagated = limiter.execute("ctx", (context) -> ThreadLocalPropagator.CONTEXT.get());
			String plain = limiter(LONG, true).execute("ctx", (context) -> ThreadLocalPropagator.CONTEXT.get());
			assertThat(propagated).isEqualTo("caller");
			assertThat(plain).as("without propagation").isNull();
		}
		finally {
			ThreadLocalPropagator.CONTEXT.remove();
		}
		assertThat(propagator.wrapped()).isOne();
	}

	@Test
	void cancelsTheCallAndKeepsTheInterruptWhenTheCallerIsInterrupted() throws Exception {
		TimeLimiter limiter = limiter(LONG, true);
		BlockingCall call = new BlockingCall();
		AtomicReference<Throwable> thrown = new AtomicReference<>();
		AtomicReference<Boolean> flag = new AtomicReference<>();
		Thread caller = new Thread(() -> {
			thrown.set(catchThrowable(() -> limiter.execute("ctx", call)));
			flag.set(Thread.currentThread().isInterrupted());
		});
		caller.start();
		call.awaitStarted();
		caller.interrupt();
		caller.join(Duration.ofMinutes(1).toMillis());
		assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
		assertThat(flag.get()).isTrue();
		await().atMost(Duration.ofSeconds(10)).until(call::finished);
		assertThat(call.interrupted()).isTrue();
		assertThat(limiter.metrics().successfulCalls() + limiter.metrics().failedCalls()
				+ limiter.metrics().timedOutCalls())
			.isZero();
	}

	@Test
	void timesOutOnTheDefaultExecutorAndInterruptsTheCall() {
		TimeLimiter limiter = TimeLimiter.of("default", new TimeLimiterConfig(SHORT, true));
		BlockingCall call = new BlockingCall();
		assertThatExceptionOfType(TimeLimitExceededException.class).isThrownBy(() -> limiter.execute("ctx", call));
		await().atMost(Duration.ofSeconds(10)).until(call::finished);
		assertThat(call.interrupted()).isTrue();
		assertThat(call.thread().getName()).startsWith("resilience-timelimiter-");
	}

	@Test
	void eventsCarryTheWallClockTime() {
		TimeLimiter limiter = limiter(SHORT, true);
		Instant before = Instant.now();
		catchThrowable(() -> limiter.execute("ctx", new BlockingCall()));
		ResilienceEvent event = limiter.events().recent().get(0);
		assertThat(event.timestamp()).isAfterOrEqualTo(before);
	}

}
