package dev.resilience.retry;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;

import dev.resilience.core.CheckedFunction;
import dev.resilience.core.ContextPropagator;
import dev.resilience.core.internal.Failures;
import dev.resilience.core.internal.LinkedFuture;
import dev.resilience.core.Scheduler;
import org.jspecify.annotations.Nullable;

/**
 * One asynchronous call of a {@link Retry}: runs an attempt, and on failure schedules the
 * next one. Attempts never overlap, and each starts from the scheduler or from the
 * completion of the previous stage, which publish this object's state to it. Later
 * attempts run within the caller's context, captured when the call starts. Cancelling the
 * result cancels the running attempt and starts no other.
 *
 * @param <C> the context type
 * @param <R> the result type
 * @author Resilience
 */
final class AsyncRetry<C, R> implements Runnable, BiConsumer<R, @Nullable Throwable> {

	private final Retry retry;

	private final C context;

	private final CheckedFunction<C, ? extends CompletionStage<R>> call;

	private final Scheduler scheduler;

	private final LinkedFuture<R> result = new LinkedFuture<>();

	private final ContextPropagator propagator;

	// the caller's context, captured on its thread only once the first attempt may fail
	private @Nullable Runnable nextAttempt;

	private int attempt;

	private @Nullable List<Throwable> earlier;

	AsyncRetry(Retry retry, C context, CheckedFunction<C, ? extends CompletionStage<R>> call, Scheduler scheduler,
			ContextPropagator propagator) {
		this.retry = retry;
		this.context = context;
		this.call = call;
		this.scheduler = scheduler;
		this.propagator = propagator;
	}

	CompletableFuture<R> result() {
		return this.result;
	}

	@Override
	public void run() {
		if (this.attempt > 0 && !this.retry.endWait(this)) {
			// closed while waiting: abort() has completed the result
			return;
		}
		if (this.result.isDone()) {
			// cancelled by the caller while waiting
			return;
		}
		this.attempt++;
		CompletionStage<R> stage;
		try {
			stage = this.call.apply(this.context);
		}
		catch (Throwable ex) {
			captureContext(null);
			onFailure(ex);
			return;
		}
		if (stage == null) {
			captureContext(null);
			onFailure(new NullPointerException("call returned null instead of a CompletionStage"));
			return;
		}
		captureContext(stage);
		stage.whenComplete(this);
		this.result.follow(stage);
	}

	@Override
	public void accept(R value, @Nullable Throwable failure) {
		if (this.result.isDone()) {
			// cancelled by the caller: nobody waits for this outcome
			return;
		}
		if (failure == null) {
			this.retry.onSuccess(this.attempt);
			this.result.complete(value);
		}
		else {
			onFailure(failure);
		}
	}

	/**
	 * Capture the caller's context for the attempts after the first, while the first runs
	 * on the caller's thread; skipped when the first attempt has already succeeded, the
	 * common case, which so costs no copy of the context.
	 */
	private void captureContext(@Nullable CompletionStage<R> firstStage) {
		if (this.attempt != 1 || (firstStage instanceof CompletableFuture<R> future && future.isDone()
				&& !future.isCompletedExceptionally())) {
			return;
		}
		this.nextAttempt = this.propagator.wrap(this);
	}

	private void onFailure(Throwable failure) {
		Throwable cause = Failures.unwrap(failure);
		long wait = this.retry.onFailedAttempt(this.attempt, cause);
		if (wait < 0) {
			this.result.completeExceptionally(SuppressedFailures.attach(cause, this.earlier));
			return;
		}
		this.earlier = SuppressedFailures.add(this.earlier, cause);
		if (!this.retry.beginWait(this)) {
			giveUpClosed(cause);
			return;
		}
		try {
			Runnable next = this.nextAttempt;
			this.scheduler.schedule((next != null) ? next : this, wait);
		}
		catch (RuntimeException ex) {
			this.retry.endWait(this);
			// attach() skips the failure itself, which is already among the earlier ones
			this.retry.giveUp(this.attempt, cause, RetryEventType.ERROR,
					"Could not schedule the retry after attempt " + this.attempt);
			SuppressedFailures.attach(cause, this.earlier).addSuppressed(ex);
			this.result.completeExceptionally(cause);
		}
	}

	/**
	 * The retry closed while this call waited for its next attempt.
	 */
	void abort() {
		List<Throwable> failures = this.earlier;
		if (failures != null && !failures.isEmpty()) {
			giveUpClosed(failures.get(failures.size() - 1));
		}
	}

	private void giveUpClosed(Throwable cause) {
		// attach() skips the failure itself, which is already among the earlier ones
		this.retry.giveUp(this.attempt, cause, RetryEventType.ERROR, this.retry.closedMessage(this.attempt));
		SuppressedFailures.attach(cause, this.earlier).addSuppressed(this.retry.closedException(this.attempt));
		this.result.completeExceptionally(cause);
	}

}
