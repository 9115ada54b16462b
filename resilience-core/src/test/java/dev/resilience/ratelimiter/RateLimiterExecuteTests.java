package dev.resilience.ratelimiter;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import dev.resilience.core.CheckedFunction;
import dev.resilience.core.Scheduler;
import dev.resilience.core.Sleeper;
import dev.resilience.testsupport.ManualScheduler;
import dev.resilience.testsupport.ManualTimeSource;
import dev.resilience.testsupport.RecordingSleeper;
import org.junit.jupiter.api.Test;

import static dev.resilience.ratelimiter.Limiters.NO_SCHEDULE;
import static dev.resilience.ratelimiter.Limiters.NO_SLEEP;
import static dev.resilience.ratelimiter.Limiters.drain;
import static dev.resilience.ratelimiter.Limiters.tokenBucket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for the ways a {@link RateLimiter} guards a call: acquiring a permit, running a
 * call, and running an asynchronous call.
 *
 * @author Resilience
 */
class RateLimiterExecuteTests {

	private static final Object KEY = RateLimiter.DEFAULT_KEY;

	private static final long INTERVAL = Duration.ofMillis(100).toNanos();

	private static final RateLimiterConfig WAITING = tokenBucket(10, Duration.ofSeconds(1), 1).toBuilder()
		.timeout(Duration.ofMillis(250))
		.build();

	private static final RateLimiterConfig NOT_WAITING = tokenBucket(10, Duration.ofSeconds(1), 1);

	private final ManualTimeSource clock = new ManualTimeSource();

	private final List<Long> sleeps = new CopyOnWriteArrayList<>();

	private final Sleeper sleeper = this.sleeps::add;

	private final ManualScheduler scheduler = new ManualScheduler();

	@Test
	void acquirePermissionTakesAFreePermitWithoutWaiting() {
		limiter(WAITING, NO_SLEEP, NO_SCHEDULE).acquirePermission(KEY);
	}

	@Test
	void acquirePermissionWaitsExactlyForTheReservedPermitInTurn() {
		RateLimiter limiter = limiter(WAITING, this.sleeper, NO_SCHEDULE);
		limiter.acquirePermission(KEY);
		limiter.acquirePermission(KEY);
		limiter.acquirePermission(KEY);
		assertThat(this.sleeps).containsExactly(INTERVAL, 2 * INTERVAL);
		assertThatExceptionOfType(RateLimitExceededException.class).isThrownBy(() -> limiter.acquirePermission(KEY))
			.satisfies((ex) -> assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofMillis(300)));
		assertThat(this.sleeps).hasSize(2);
	}

	@Test
	void acquirePermissionWaitsOnTheInjectedSleeper() {
		RecordingSleeper recording = new RecordingSleeper(this.clock);
		RateLimiter limiter = limiter(WAITING, recording, NO_SCHEDULE);
		for (int i = 0; i < 5; i++) {
			limiter.acquirePermission(KEY);
		}
		assertThat(recording.waits()).containsExactly(INTERVAL, INTERVAL, INTERVAL, INTERVAL);
		assertThat(this.clock.elapsed()).isEqualTo(Duration.ofNanos(4 * INTERVAL));
	}

	@Test
	void acquirePermissionThrowsWhenNoPermitComesWithinTheTimeout() {
		RateLimiter limiter = limiter(NOT_WAITING, NO_SLEEP, NO_SCHEDULE);
		limiter.acquirePermission(KEY);
		this.clock.advanceMillis(40);
		assertThatExceptionOfType(RateLimitExceededException.class).isThrownBy(() -> limiter.acquirePermission(KEY))
			.withMessage("RateLimiter 'api' has no permit available; the next one is in 60ms")
			.satisfies((ex) -> {
				assertThat(ex.getInstanceName()).isEqualTo("api");
				assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofMillis(60));
			});
	}

	@Test
	void acquirePermissionRestoresTheInterruptAndThrowsWhenInterruptedWhileWaiting() {
		Sleeper interrupted = (nanos) -> {
			throw new InterruptedException();
		};
		RateLimiter limiter = limiter(WAITING, interrupted, NO_SCHEDULE);
		limiter.acquirePermission(KEY);
		try {
			assertThatExceptionOfType(RateLimitExceededException.class).isThrownBy(() -> limiter.acquirePermission(KEY))
				.withMessage("RateLimiter 'api' was interrupted while waiting 100ms for a permit")
				.satisfies((ex) -> assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofMillis(100)));
			assertThat(Thread.currentThread().isInterrupted()).isTrue();
		}
		finally {
			Thread.interrupted();
		}
	}

	@Test
	void reservePermissionAnswersTheWaitOrThrows() {
		RateLimiter limiter = limiter(WAITING, NO_SLEEP, NO_SCHEDULE);
		assertThat(limiter.reservePermission("k")).isZero();
		assertThat(limiter.reservePermission("k")).isEqualTo(INTERVAL);
		assertThat(limiter.reservePermission("k")).isEqualTo(2 * INTERVAL);
		assertThatExceptionOfType(RateLimitExceededException.class).isThrownBy(() -> limiter.reservePermission("k"))
			.satisfies((ex) -> assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofMillis(300)));
	}

	@Test
	void reserveRejectsANegativeWait() {
		RateLimiter limiter = limiter(WAITING, NO_SLEEP, NO_SCHEDULE);
		assertThatIllegalArgumentException().isThrownBy(() -> limiter.reserve(KEY, -1))
			.withMessage("maxWaitNanos must not be negative, but was -1");
	}

	@Test
	void executeRunsTheCallOnceItHasAPermit() throws Throwable {
		RateLimiter limiter = limiter(WAITING, this.sleeper, NO_SCHEDULE);
		CheckedFunction<String, String> upperCase = String::toUpperCase;
		String first = limiter.execute(KEY, "sku-1", upperCase);
		String second = limiter.execute(KEY, "sku-2", upperCase);
		assertThat(first).isEqualTo("SKU-1");
		assertThat(second).isEqualTo("SKU-2");
		assertThat(this.sleeps).containsExactly(INTERVAL);
	}

	@Test
	void executeDoesNotRunTheCallWhenRejected() {
		RateLimiter limiter = limiter(NOT_WAITING, NO_SLEEP, NO_SCHEDULE);
		drain(limiter, KEY);
		AtomicInteger calls = new AtomicInteger();
		assertThatExceptionOfType(RateLimitExceededException.class)
			.isThrownBy(() -> limiter.execute(KEY, calls, AtomicInteger::incrementAndGet));
		assertThat(calls).hasValue(0);
	}

	@Test
	void executeRethrowsWhatTheCallThrows() {
		RateLimiter limiter = limiter(NOT_WAITING, NO_SLEEP, NO_SCHEDULE);
		IOException failure = new IOException("down");
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> limiter.execute(KEY, failure, (ex) -> {
			throw ex;
		})).isSameAs(failure);
		assertThat(limiter.metrics().permittedCalls()).isOne();
	}

	@Test
	void executeAsyncStartsTheCallAtOnceWhenAPermitIsFree() {
		RateLimiter limiter = limiter(WAITING, NO_SLEEP, NO_SCHEDULE);
		CompletableFuture<String> result = limiter.executeAsync(KEY, "sku", CompletableFuture::completedFuture);
		assertThat(result).isCompletedWithValue("sku");
	}

	@Test
	void executeAsyncSchedulesTheCallAfterTheWaitWithoutBlocking() {
		RateLimiter limiter = limiter(WAITING, NO_SLEEP, this.scheduler);
		limiter.acquirePermission(KEY);
		AtomicInteger calls = new AtomicInteger();
		CheckedFunction<AtomicInteger, CompletableFuture<Integer>> call = (counter) -> CompletableFuture
			.completedFuture(counter.incrementAndGet());
		CompletableFuture<Integer> first = limiter.executeAsync(KEY, calls, call);
		CompletableFuture<Integer> second = limiter.executeAsync(KEY, calls, call);
		assertThat(this.scheduler.delays()).containsExactly(INTERVAL, 2 * INTERVAL);
		assertThat(calls).hasValue(0);
		assertThat(first).isNotDone();
		this.scheduler.runAll();
		assertThat(first).isCompletedWithValue(1);
		assertThat(second).isCompletedWithValue(2);
	}

	@Test
	void executeAsyncReturnsAFailedFutureWhenRejected() {
		RateLimiter limiter = limiter(WAITING, NO_SLEEP, this.scheduler);
		for (int i = 0; i < 3; i++) {
			limiter.executeAsync(KEY, "sku", CompletableFuture::completedFuture);
		}
		CompletableFuture<String> rejected = limiter.executeAsync(KEY, "sku", CompletableFuture::completedFuture);
		assertThat(rejected).isCompletedExceptionally();
		assertThat(failureOf(rejected)).isInstanceOf(RateLimitExceededException.class);
		assertThat(this.scheduler.pendingCount()).isEqualTo(2);
	}

	@Test
	void executeAsyncReturnsAFailedFutureForANullKey() {
		RateLimiter limiter = limiter(WAITING, NO_SLEEP, NO_SCHEDULE);
		CompletableFuture<String> result = limiter.executeAsync(null, "sku", CompletableFuture::completedFuture);
		assertThat(failureOf(result)).isInstanceOf(NullPointerException.class);
	}

	@Test
	void executeAsyncCompletesLikeTheCallsStage() {
		RateLimiter limiter = limiter(tokenBucket(10, Duration.ofSeconds(1), 10), NO_SLEEP, NO_SCHEDULE);
		IOException failure = new IOException("down");
		CompletableFuture<String> stage = new CompletableFuture<>();
		CompletableFuture<String> pending = limiter.executeAsync(KEY, stage, (future) -> future);
		assertThat(pending).isNotDone();
		stage.complete("late");
		assertThat(pending).isCompletedWithValue("late");
		assertThat(failureOf(limiter.<IOException, String>executeAsync(KEY, failure, CompletableFuture::failedFuture)))
			.isSameAs(failure);
		assertThat(failureOf(limiter.<IOException, String>executeAsync(KEY, failure, (ex) -> {
			throw ex;
		}))).isSameAs(failure);
		assertThat(failureOf(limiter.executeAsync(KEY, "sku", (sku) -> null))).isInstanceOf(NullPointerException.class)
			.hasMessage("call returned null instead of a CompletionStage");
	}

	@Test
	void executeAsyncNeverStartsACallCancelledWhileWaiting() {
		RateLimiter limiter = limiter(WAITING, NO_SLEEP, this.scheduler);
		limiter.acquirePermission(KEY);
		AtomicInteger calls = new AtomicInteger();
		CompletableFuture<Integer> result = limiter.executeAsync(KEY, calls,
				(counter) -> CompletableFuture.completedFuture(counter.incrementAndGet()));
		result.cancel(false);
		this.scheduler.runAll();
		assertThat(calls).hasValue(0);
	}

	@Test
	void executeAsyncReturnsAFailedFutureWhenTheCallCannotBeScheduled() {
		RejectedExecutionException shutDown = new RejectedExecutionException("shut down");
		Scheduler refusing = (task, delayNanos) -> {
			throw shutDown;
		};
		RateLimiter limiter = limiter(WAITING, NO_SLEEP, refusing);
		limiter.acquirePermission(KEY);
		assertThat(failureOf(limiter.executeAsync(KEY, "sku", CompletableFuture::completedFuture))).isSameAs(shutDown);
	}

	private static Throwable failureOf(CompletableFuture<?> future) {
		assertThat(future).isCompletedExceptionally();
		try {
			future.getNow(null);
		}
		catch (CompletionException ex) {
			return ex.getCause();
		}
		throw new AssertionError("not failed: " + future);
	}

	private RateLimiter limiter(RateLimiterConfig config, Sleeper sleeper, Scheduler scheduler) {
		return new RateLimiter("api", config, this.clock, sleeper, scheduler);
	}

}
