package dev.resilience.timelimiter;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;

import dev.resilience.core.internal.Failures;
import dev.resilience.core.internal.LinkedFuture;
import org.jspecify.annotations.Nullable;

/**
 * One asynchronous call of a {@link TimeLimiter}: the completion of the call's stage and
 * the time-out race to take the result future, and only the winner completes it and
 * counts the outcome. Taking the future also drops it, so that a time-out left scheduled
 * after the call completed holds on to nothing of the call.
 *
 * @param <R> the result type
 * @author Resilience
 */
final class AsyncTimeout<R> implements Runnable, BiConsumer<R, @Nullable Throwable> {

	private static final VarHandle RESULT;

	static {
		try {
			RESULT = MethodHandles.lookup().findVarHandle(AsyncTimeout.class, "result", CompletableFuture.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private final TimeLimiter limiter;

	private final boolean cancelRunning;

	private volatile @Nullable CompletableFuture<R> result;

	private volatile @Nullable CompletionStage<R> source;

	AsyncTimeout(TimeLimiter limiter, boolean cancelRunning, CompletableFuture<R> result) {
		this.limiter = limiter;
		this.cancelRunning = cancelRunning;
		this.result = result;
	}

	/**
	 * Count the outcome of a call whose stage was complete when the call returned it,
	 * with nothing to race and so nothing to schedule. Only a plain
	 * {@code CompletableFuture} is read this way, as a subclass may refuse or change the
	 * methods it needs.
	 * @param <R> the result type
	 * @param limiter the time limiter to count the outcome on
	 * @param stage the stage the call returned
	 * @return the stage itself, or a future failed with its failure unwrapped;
	 * {@code null} if the stage is not a complete {@code CompletableFuture}
	 */
	static <R> @Nullable CompletableFuture<R> completed(TimeLimiter limiter, CompletionStage<R> stage) {
		Class<?> type = stage.getClass();
		if ((type != CompletableFuture.class && type != LinkedFuture.class)
				|| !((CompletableFuture<R>) stage).isDone()) {
			return null;
		}
		CompletableFuture<R> future = (CompletableFuture<R>) stage;
		if (!future.isCompletedExceptionally()) {
			limiter.onSuccess();
			return future;
		}
		Throwable failure = future.handle(AsyncTimeout::failureOf).join();
		Throwable cause = Failures.unwrap(failure);
		limiter.onError(cause);
		return (cause != failure) ? CompletableFuture.failedFuture(cause) : future;
	}

	private static Throwable failureOf(@Nullable Object value, @Nullable Throwable failure) {
		return Objects.requireNonNull(failure);
	}

	/**
	 * Follow the call's stage.
	 * @param stage the stage the call returned
	 * @return whether the stage is still running, so that a time-out is needed
	 */
	boolean follow(CompletionStage<R> stage) {
		this.source = stage;
		stage.whenComplete(this);
		return this.result != null;
	}

	/**
	 * The call's stage completed.
	 */
	@Override
	public void accept(R value, @Nullable Throwable failure) {
		this.source = null;
		CompletableFuture<R> target = take();
		if (target == null || target.isCancelled()) {
			// timed out, or cancelled by the caller: nobody waits for this outcome
			return;
		}
		if (failure == null) {
			this.limiter.onSuccess();
			target.complete(value);
		}
		else {
			Throwable cause = Failures.unwrap(failure);
			this.limiter.onError(cause);
			target.completeExceptionally(cause);
		}
	}

	/**
	 * The time is up.
	 */
	@Override
	public void run() {
		CompletableFuture<R> target = take();
		if (target != null) {
			// cancel first, so that what the call holds (a bulkhead slot) is given back
			// before the caller learns of the time-out
			cancelSource();
			target.completeExceptionally(this.limiter.onTimeout());
		}
	}

	/**
	 * The time-out could not be scheduled: fail the call as on a time-out, since it can
	 * no longer be bounded.
	 * @param failure why scheduling failed
	 */
	void unscheduled(RuntimeException failure) {
		CompletableFuture<R> target = take();
		if (target != null) {
			cancelSource();
			this.limiter.onError(failure);
			target.completeExceptionally(failure);
		}
	}

	@SuppressWarnings("unchecked")
	private @Nullable CompletableFuture<R> take() {
		return (CompletableFuture<R>) RESULT.getAndSet(this, null);
	}

	private void cancelSource() {
		CompletionStage<R> stage = this.source;
		this.source = null;
		if (this.cancelRunning && stage != null) {
			LinkedFuture.cancel(stage);
		}
	}

}
