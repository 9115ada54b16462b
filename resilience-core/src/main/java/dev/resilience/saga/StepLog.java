package dev.resilience.saga;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import dev.resilience.core.CheckedFunction;
import dev.resilience.core.ErrorClassifier;
import dev.resilience.core.internal.Failures;
import dev.resilience.core.ResilienceEvent;
import org.jspecify.annotations.Nullable;

/**
 * Runs and logs the steps of sagas running in this process: started before the call, then
 * completed or failed. Every write is made while holding the saga's write permit, and
 * skipped (or refused, for a start) once the saga has ended.
 *
 * @author Resilience
 */
final class StepLog {

	private final SagaStore store;

	private final StepEncoder encoder;

	private final ErrorClassifier classifier;

	StepLog(SagaStore store, StepCodec codec, ErrorClassifier classifier) {
		this.store = store;
		this.encoder = new StepEncoder(codec);
		this.classifier = classifier;
	}

	<C, R> @Nullable R run(ActiveSaga saga, StepDefinition step, @Nullable Object[] arguments,
			@Nullable StepCompensation<Object> memory, C context, CheckedFunction<C, R> call) throws Throwable {
		LiveStep live = started(saga, step, arguments, memory);
		R result;
		try {
			result = call.apply(context);
		}
		catch (Throwable failure) {
			failed(saga, live, failure);
			throw failure;
		}
		completed(saga, live, step, result);
		return result;
	}

	<C, R> CompletableFuture<R> runAsync(ActiveSaga saga, StepDefinition step, @Nullable Object[] arguments, C context,
			CheckedFunction<C, ? extends CompletionStage<R>> call) {
		LiveStep live;
		try {
			live = started(saga, step, arguments, null);
		}
		catch (Throwable failure) {
			return CompletableFuture.failedFuture(failure);
		}
		CompletionStage<R> stage;
		try {
			stage = Objects.requireNonNull(call.apply(context), "step returned null instead of a CompletionStage");
		}
		catch (Throwable failure) {
			failed(saga, live, failure);
			return CompletableFuture.failedFuture(failure);
		}
		CompletableFuture<R> result = new CompletableFuture<>();
		stage.whenComplete((value, failure) -> {
			if (failure != null) {
				Throwable cause = Failures.unwrap(failure);
				failed(saga, live, cause);
				result.completeExceptionally(cause);
				return;
			}
			try {
				completed(saga, live, step, value);
				result.complete(value);
			}
			catch (Throwable ex) {
				result.completeExceptionally(ex);
			}
		});
		return result;
	}

	/**
	 * Log that a step starts. Its arguments are encoded first, so a step whose arguments
	 * cannot be stored fails without being logged or called.
	 */
	private LiveStep started(ActiveSaga saga, StepDefinition step, @Nullable Object[] arguments,
			@Nullable StepCompensation<Object> memory) {
		String encoded = step.storesValues() ? this.encoder.arguments(saga, step, arguments) : null;
		if (!saga.enterWrite()) {
			throw new IllegalStateException("Saga step '" + step.name() + "' cannot join saga '" + saga.name() + "' ("
					+ saga.id() + ") because it has ended; join the tasks that call a saga's steps before "
					+ "the saga returns");
		}
		try {
			LiveStep live = saga.addStep(step, encoded, memory);
			try {
				this.store.stepStarted(saga.id(), live.started());
			}
			catch (RuntimeException ex) {
				// not called, so nothing to compensate
				saga.removeStep(live);
				throw ex;
			}
			return live;
		}
		finally {
			saga.exitWrite();
		}
	}

	/**
	 * Log that a step returned. If its result cannot be encoded, or the store fails, the
	 * step stays in doubt and the failure is thrown.
	 */
	private void completed(ActiveSaga saga, LiveStep live, StepDefinition step, @Nullable Object value) {
		String result;
		try {
			result = step.storesValues() ? this.encoder.result(saga, step, value) : null;
		}
		catch (SagaException ex) {
			failed(saga, live, ex);
			throw ex;
		}
		if (!saga.enterWrite()) {
			return;
		}
		try {
			this.store.stepCompleted(saga.id(), live.sequence(), result);
			live.completed(result, value);
		}
		finally {
			saga.exitWrite();
		}
	}

	/**
	 * Log that a step failed: permanently if it threw an exception the classifier calls
	 * permanent, else it stays in doubt. A store failure is attached to the step's
	 * failure, and leaves the step in doubt.
	 */
	private void failed(ActiveSaga saga, LiveStep live, Throwable failure) {
		Throwable cause = Failures.unwrap(failure);
		boolean permanent = (cause instanceof Exception) && !(cause instanceof SagaException)
				&& !this.classifier.isTransient(cause);
		String error = ResilienceEvent.describe(cause);
		if (!saga.enterWrite()) {
			return;
		}
		try {
			this.store.stepFailed(saga.id(), live.sequence(), error, permanent);
			live.failed(error, permanent);
		}
		catch (RuntimeException ex) {
			if (ex != failure) {
				failure.addSuppressed(ex);
			}
		}
		finally {
			saga.exitWrite();
		}
	}

}
