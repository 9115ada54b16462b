package dev.resilience.core.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.jspecify.annotations.Nullable;

/**
 * The future a pattern returns for an asynchronous call: completed by the pattern as the
 * stage it follows completes, and passing its own cancellation on to that stage. A caller
 * that cancels what it got, or a time limiter whose time is up, so cancels every stage
 * down to the method's own future, and whatever a pattern holds for the call (a bulkhead
 * slot, a half-open trial) is given back as that future completes.
 *
 * @param <R> the result type
 * @author Resilience
 * @since 0.1.0
 */
public class LinkedFuture<R> extends CompletableFuture<R> {

	private static final VarHandle SOURCE;

	static {
		try {
			SOURCE = MethodHandles.lookup().findVarHandle(LinkedFuture.class, "source", CompletionStage.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private volatile @Nullable CompletionStage<?> source;

	/**
	 * Follow a stage: cancelling this future from now on cancels it, and it is cancelled
	 * at once if this future already is.
	 * @param stage the stage whose outcome this future waits for
	 */
	public void follow(CompletionStage<?> stage) {
		this.source = stage;
		if (isCancelled()) {
			cancelSource();
		}
	}

	@Override
	public boolean cancel(boolean mayInterruptIfRunning) {
		boolean cancelled = super.cancel(mayInterruptIfRunning);
		if (cancelled) {
			cancelSource();
		}
		return cancelled;
	}

	private void cancelSource() {
		CompletionStage<?> stage = (CompletionStage<?>) SOURCE.getAndSet(this, null);
		if (stage != null) {
			cancel(stage);
		}
	}

	/**
	 * Cancel a stage if it can be cancelled, interrupting what runs it where it allows.
	 * @param stage the stage
	 */
	public static void cancel(CompletionStage<?> stage) {
		try {
			stage.toCompletableFuture().cancel(true);
		}
		catch (RuntimeException ex) {
			// a stage may refuse to be converted: it runs on, nothing else to do
		}
	}

}
