package dev.resilience.aop;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import dev.resilience.core.internal.LinkedFuture;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.ProxyMethodInvocation;

/**
 * The innermost stage of a pipeline, which calls the method itself, and the conversions
 * that asynchronous stages share.
 *
 * @author Resilience
 */
final class Terminals {

	private static final Stage SYNC = ProxyMethodInvocation::proceed;

	private static final Stage COMPLETION_STAGE = Terminals::proceedAsync;

	private Terminals() {
	}

	static Stage of(ReturnKind kind) {
		return switch (kind) {
			case SYNC -> SYNC;
			case COMPLETION_STAGE -> COMPLETION_STAGE;
			case MONO -> ReactorStages.terminalMono();
			case FLUX -> ReactorStages.terminalFlux();
		};
	}

	private static CompletableFuture<Object> proceedAsync(ProxyMethodInvocation invocation) {
		try {
			return toFuture(invocation.proceed());
		}
		catch (Throwable ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	/**
	 * Turn what an asynchronous method or fallback returned into a future, without
	 * relying on {@code toCompletableFuture()}, which some stages do not support.
	 * @param result the returned stage, or {@code null}
	 * @return a future of its outcome
	 */
	@SuppressWarnings("unchecked")
	static CompletableFuture<Object> toFuture(@Nullable Object result) {
		if (result instanceof CompletableFuture<?> future) {
			return (CompletableFuture<Object>) future;
		}
		if (result instanceof CompletionStage<?> stage) {
			LinkedFuture<Object> future = new LinkedFuture<>();
			future.follow(stage);
			stage.whenComplete((value, failure) -> {
				if (failure != null) {
					future.completeExceptionally(failure);
				}
				else {
					future.complete(value);
				}
			});
			return future;
		}
		return CompletableFuture.completedFuture(result);
	}

	@SuppressWarnings("unchecked")
	static CompletionStage<Object> invokeAsync(Stage stage, ProxyMethodInvocation invocation) throws Throwable {
		Object stageOrNull = stage.invoke(invocation);
		return (stageOrNull != null) ? (CompletionStage<Object>) stageOrNull : CompletableFuture
			.failedFuture(new NullPointerException("method returned null instead of a CompletionStage"));
	}

}
