package dev.resilience.bulkhead;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;

import dev.resilience.core.CheckedFunction;
import dev.resilience.core.internal.LinkedFuture;
import org.jspecify.annotations.Nullable;

/**
 * An asynchronous call that holds a slot: starts the call, and gives the slot back when
 * the stage it returns completes, before completing the caller's future with its outcome.
 * Cancelling the caller's future cancels the call's stage, which gives the slot back as
 * it completes; a stage that cannot be cancelled keeps its slot until it completes, as
 * the work it stands for may still be running.
 *
 * @param <R> the result type
 * @author Resilience
 */
final class AsyncCall<R> implements BiConsumer<R, @Nullable Throwable> {

	private final Slots slots;

	private final CompletableFuture<R> result;

	private AsyncCall(Slots slots, CompletableFuture<R> result) {
		this.slots = slots;
		this.result = result;
	}

	/**
	 * Start a call in a slot the caller holds.
	 * @param slots where the slot is given back
	 * @param context what the call needs
	 * @param call the call
	 * @param result the caller's future, completed like the call's stage
	 */
	static <C, R> void start(Slots slots, C context, CheckedFunction<C, ? extends CompletionStage<R>> call,
			LinkedFuture<R> result) {
		CompletionStage<R> stage;
		try {
			stage = call.apply(context);
		}
		catch (Throwable ex) {
			slots.release();
			result.completeExceptionally(ex);
			return;
		}
		if (stage == null) {
			slots.release();
			result.completeExceptionally(new NullPointerException("call returned null instead of a CompletionStage"));
			return;
		}
		stage.whenComplete(new AsyncCall<>(slots, result));
		result.follow(stage);
	}

	@Override
	public void accept(R value, @Nullable Throwable error) {
		this.slots.release();
		if (error != null) {
			this.result.completeExceptionally(error);
		}
		else {
			this.result.complete(value);
		}
	}

}
