package dev.resilience.ratelimiter;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;

import dev.resilience.core.CheckedFunction;
import dev.resilience.core.internal.LinkedFuture;
import dev.resilience.core.Scheduler;
import org.jspecify.annotations.Nullable;

/**
 * An asynchronous call that holds its permit: started at once, or by the scheduler when
 * its wait is over, and completing {@link #result()} as its stage completes.
 *
 * @param <C> the context type
 * @param <R> the result type
 * @author Resilience
 */
final class PermittedCall<C, R> implements Runnable, BiConsumer<R, @Nullable Throwable> {

	private final C context;

	private final CheckedFunction<C, ? extends CompletionStage<R>> call;

	private final LinkedFuture<R> result = new LinkedFuture<>();

	PermittedCall(C context, CheckedFunction<C, ? extends CompletionStage<R>> call) {
		this.context = context;
		this.call = call;
	}

	CompletableFuture<R> result() {
		return this.result;
	}

	/**
	 * Start the call now, or schedule it to start once its wait is over.
	 * @param waitNanos the wait for its permit
	 * @param scheduler where to schedule it
	 */
	void startAfter(long waitNanos, Scheduler scheduler) {
		if (waitNanos == 0) {
			run();
			return;
		}
		try {
			scheduler.schedule(this, waitNanos);
		}
		catch (RuntimeException ex) {
			this.result.completeExceptionally(ex);
		}
	}

	@Override
	public void run() {
		if (this.result.isDone()) {
			// cancelled by the caller while waiting
			return;
		}
		CompletionStage<R> stage;
		try {
			stage = this.call.apply(this.context);
		}
		catch (Throwable ex) {
			this.result.completeExceptionally(ex);
			return;
		}
		if (stage == null) {
			this.result
				.completeExceptionally(new NullPointerException("call returned null instead of a CompletionStage"));
			return;
		}
		stage.whenComplete(this);
		this.result.follow(stage);
	}

	@Override
	public void accept(R value, @Nullable Throwable failure) {
		if (failure != null) {
			this.result.completeExceptionally(failure);
		}
		else {
			this.result.complete(value);
		}
	}

}
