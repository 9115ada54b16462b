package dev.resilience.timelimiter;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;

import dev.resilience.core.Failures;
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
		if (target == null) {
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
			target.completeExceptionally(this.limiter.onTimeout());
			cancelSource();
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
			this.limiter.onError(failure);
			target.completeExceptionally(failure);
			cancelSource();
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
			try {
				stage.toCompletableFuture().cancel(true);
			}
			catch (RuntimeException ex) {
				// a stage may refuse to be converted or cancelled: the caller has its
				// time-out either way
			}
		}
	}

}
