package dev.resilience.timelimiter;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.resilience.core.CheckedFunction;
import dev.resilience.core.ContextPropagator;
import dev.resilience.core.EventBuffer;
import dev.resilience.core.internal.LinkedFuture;
import dev.resilience.core.Scheduler;
import dev.resilience.core.TimeSource;

/**
 * Bounds how long a call may take: a call that does not complete within the timeout fails
 * with a {@link TimeLimitExceededException} and, when {@code cancelRunning}, is
 * cancelled.
 * <p>
 * {@link #execute} runs a synchronous call on the executor (by default a new virtual
 * thread per call where the JDK has them, else a bounded pool) while the caller waits; on
 * time-out the call's thread is interrupted, so a call that answers interrupts frees its
 * thread. {@link #executeAsync} runs the call on the caller's thread, as it only returns
 * a stage, and schedules a time-out instead of blocking a thread. Callers that apply
 * their own timeout operator, such as a reactive one, report through {@link #onSuccess},
 * {@link #onError} and {@link #onTimeout}, which count exactly as the methods above.
 * <p>
 * The {@link ContextPropagator} wraps every task handed to the executor or the scheduler,
 * so that the call and the completion of a timed-out future run within the caller's
 * context. An instance is safe to share between concurrent calls.
 *
 * @author Resilience
 * @since 0.1.0
 */
public final class TimeLimiter {

	private final String name;

	private final TimeLimiterConfig config;

	private final ExecutorService executor;

	private final Scheduler scheduler;

	private final ContextPropagator propagator;

	private final long timeoutNanos;

	private final boolean cancelRunning;

	private final TimeLimiterRecorder recorder;

	/**
	 * Create a time limiter.
	 * @param name the instance name
	 * @param config the configuration
	 * @param executor runs synchronous calls; it needs one free thread per concurrent
	 * call, or it rejects the call
	 * @param scheduler times asynchronous calls
	 * @param propagator carries the caller's context into the executor's and the
	 * scheduler's threads
	 */
	public TimeLimiter(String name, TimeLimiterConfig config, ExecutorService executor, Scheduler scheduler,
			ContextPropagator propagator) {
		this.name = Objects.requireNonNull(name, "name must not be null");
		this.config = Objects.requireNonNull(config, "config must not be null");
		this.executor = Objects.requireNonNull(executor, "executor must not be null");
		this.scheduler = Objects.requireNonNull(scheduler, "scheduler must not be null");
		this.propagator = Objects.requireNonNull(propagator, "propagator must not be null");
		this.timeoutNanos = toNanos(config.timeout());
		this.cancelRunning = config.cancelRunning();
		this.recorder = new TimeLimiterRecorder(name, config.timeout(), TimeSource.system());
	}

	/**
	 * Create a time limiter on a shared executor (virtual threads where the JDK has them,
	 * else a bounded pool of daemon threads) and {@link Scheduler#commonPool()} for
	 * asynchronous timeouts, propagating no context.
	 * @param name the instance name
	 * @param config the configuration
	 * @return the time limiter
	 */
	public static TimeLimiter of(String name, TimeLimiterConfig config) {
		return new TimeLimiter(name, config, SyncExecutors.shared(), Scheduler.commonPool(), ContextPropagator.none());
	}

	/**
	 * Return the instance name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Return the configuration.
	 * @return the configuration
	 */
	public TimeLimiterConfig config() {
		return this.config;
	}

	/**
	 * Return the recent events: every time-out as {@link TimeLimiterEventType#TIMEOUT}.
	 * @return the event buffer
	 */
	public EventBuffer events() {
		return this.recorder.events();
	}

	/**
	 * Return the call counters by outcome.
	 * @return the metrics
	 */
	public TimeLimiterMetrics metrics() {
		return this.recorder;
	}

	/**
	 * Run a call on the executor and wait for it at most the timeout.
	 * <ul>
	 * <li>The call's result is returned, and its own exception rethrown as it was
	 * thrown.</li>
	 * <li>When the time is up, the call is cancelled (its thread interrupted if
	 * {@code cancelRunning}, else left to run on, its outcome discarded) and a
	 * {@link TimeLimitExceededException} is thrown. A call that completes just as the
	 * time is up keeps its outcome.</li>
	 * <li>When the executor rejects the call because it has no thread free, a
	 * {@link TimeLimitExceededException} is thrown at once, counted as a time-out. A
	 * rejection by an executor that is shut down is rethrown as it is.</li>
	 * <li>When the caller is interrupted while waiting, the call is cancelled as on a
	 * time-out, the caller's interrupt flag is set again and the
	 * {@link InterruptedException} is thrown; nothing is counted.</li>
	 * </ul>
	 * @param <C> the context type
	 * @param <R> the result type
	 * @param context what the call needs, passed to it
	 * @param call the call
	 * @return the call's result
	 * @throws TimeLimitExceededException if the call did not complete in time
	 * @throws InterruptedException if the caller was interrupted while waiting
	 * @throws Throwable whatever the call throws
	 */
	public <C, R> R execute(C context, CheckedFunction<C, R> call) throws Throwable {
		FutureTask<R> task = new FutureTask<>(new SyncCall<>(context, call));
		submit(task);
		R result;
		try {
			result = task.get(this.timeoutNanos, TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			if (task.cancel(this.cancelRunning)) {
				throw onTimeout();
			}
			result = completed(task);
		}
		catch (ExecutionException ex) {
			throw failed(ex);
		}
		catch (InterruptedException ex) {
			task.cancel(this.cancelRunning);
			Thread.currentThread().interrupt();
			throw ex;
		}
		onSuccess();
		return result;
	}

	private void submit(FutureTask<?> task) {
		try {
			this.executor.execute(this.propagator.wrap(task));
		}
		catch (RejectedExecutionException ex) {
			if (this.executor.isShutdown()) {
				onError(ex);
				throw ex;
			}
			throw this.recorder.timedOut(new TimeLimitExceededException(this.name, this.config.timeout(),
					"TimeLimiter '" + this.name + "' found no thread free to run the call"));
		}
	}

	/**
	 * Return the outcome of a call that completed before it could be cancelled.
	 */
	private <R> R completed(FutureTask<R> task) throws Throwable {
		try {
			return task.get();
		}
		catch (ExecutionException ex) {
			throw failed(ex);
		}
	}

	private Throwable failed(ExecutionException failure) {
		Throwable cause = SyncCall.cause(failure);
		onError(cause);
		return cause;
	}

	/**
	 * Run an asynchronous call on the calling thread and give its stage at most the
	 * timeout to complete, measured from when the call returned it; the call's
	 * synchronous part is not timed, as no thread is spent on it. Never throws.
	 * <ul>
	 * <li>The returned future completes like the call's stage, a failure unwrapped from
	 * {@code CompletionException}. A call that throws instead of returning a stage, or
	 * returns {@code null}, comes back as a failed future.</li>
	 * <li>When the time is up, the returned future fails with a
	 * {@link TimeLimitExceededException} and, if {@code cancelRunning}, cancelling the
	 * call's stage is attempted (through {@code toCompletableFuture().cancel(true)}; a
	 * stage that refuses is left to run on). What the stage does later is ignored.</li>
	 * <li>If the scheduler refuses the time-out, the returned future fails with the
	 * scheduler's exception and the stage is cancelled as on a time-out.</li>
	 * </ul>
	 * No time-out is scheduled when the stage is already complete; a
	 * {@code CompletableFuture} already complete comes back as it is, unless its failure
	 * needs unwrapping.
	 * @param <C> the context type
	 * @param <R> the result type
	 * @param context what the call needs, passed to it
	 * @param call the call, returning the stage of its result
	 * @return a future completed like the call's stage, or failed on time-out
	 */
	public <C, R> CompletableFuture<R> executeAsync(C context, CheckedFunction<C, ? extends CompletionStage<R>> call) {
		CompletionStage<R> stage;
		try {
			stage = Objects.requireNonNull(call.apply(context), "call must not return null");
		}
		catch (Throwable ex) {
			onError(ex);
			return CompletableFuture.failedFuture(ex);
		}
		CompletableFuture<R> completed = AsyncTimeout.completed(this, stage);
		if (completed != null) {
			return completed;
		}
		LinkedFuture<R> result = new LinkedFuture<>();
		AsyncTimeout<R> timeout = new AsyncTimeout<>(this, this.cancelRunning, result);
		result.follow(stage);
		if (timeout.follow(stage)) {
			try {
				this.scheduler.schedule(this.propagator.wrap(timeout), this.timeoutNanos);
			}
			catch (RuntimeException ex) {
				timeout.unscheduled(ex);
			}
		}
		return result;
	}

	/**
	 * Count a call that completed in time.
	 */
	public void onSuccess() {
		this.recorder.succeeded();
	}

	/**
	 * Count a call that failed in time with an error of its own.
	 * @param error what it failed with
	 */
	public void onError(Throwable error) {
		Objects.requireNonNull(error, "error must not be null");
		this.recorder.failed();
	}

	/**
	 * Count a call that did not complete in time and record a
	 * {@link TimeLimiterEventType#TIMEOUT} event.
	 * @return the exception to fail the call with
	 */
	public TimeLimitExceededException onTimeout() {
		return this.recorder.timedOut();
	}

	/**
	 * Convert a duration to nanoseconds, saturating instead of overflowing.
	 */
	private static long toNanos(Duration duration) {
		try {
			return duration.toNanos();
		}
		catch (ArithmeticException ex) {
			return Long.MAX_VALUE;
		}
	}

	/**
	 * Describe a timeout for a message, in milliseconds unless shorter than one.
	 */
	static String format(Duration timeout) {
		long millis = timeout.toMillis();
		return (millis > 0) ? millis + "ms" : timeout.toNanos() + "ns";
	}

	@Override
	public String toString() {
		return "TimeLimiter[" + this.name + "]";
	}

}
