package dev.resilience.aop;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import dev.resilience.core.internal.LinkedFuture;

import org.springframework.aop.ProxyMethodInvocation;

/**
 * The outermost stage: answers a failure or rejection with the method's fallback.
 *
 * @author Resilience
 */
final class FallbackStages {

	private FallbackStages() {
	}

	static Stage create(FallbackMethods fallbacks, ReturnKind kind, Stage next) {
		return switch (kind) {
			case SYNC -> (invocation) -> {
				try {
					return next.invoke(invocation);
				}
				catch (Throwable ex) {
					return fallbacks.handle(invocation, ex);
				}
			};
			case COMPLETION_STAGE ->
				(invocation) -> withFallbackAsync(fallbacks, invocation, Terminals.invokeAsync(next, invocation));
			case MONO -> ReactorStages.fallbackMono(fallbacks, next);
			case FLUX -> ReactorStages.fallbackFlux(fallbacks, next);
		};
	}

	/**
	 * Complete like the stage, or like the fallback of its failure; cancelling the result
	 * cancels whichever of the two runs.
	 */
	private static CompletableFuture<Object> withFallbackAsync(FallbackMethods fallbacks,
			ProxyMethodInvocation invocation, CompletionStage<Object> stage) {
		LinkedFuture<Object> result = new LinkedFuture<>();
		result.follow(stage);
		stage.whenComplete((value, failure) -> {
			if (failure == null) {
				result.complete(value);
				return;
			}
			CompletableFuture<Object> fallback = fallbackAsync(fallbacks, invocation, failure);
			result.follow(fallback);
			fallback.whenComplete((fallbackValue, fallbackFailure) -> {
				if (fallbackFailure != null) {
					result.completeExceptionally(fallbackFailure);
				}
				else {
					result.complete(fallbackValue);
				}
			});
		});
		return result;
	}

	private static CompletableFuture<Object> fallbackAsync(FallbackMethods fallbacks, ProxyMethodInvocation invocation,
			Throwable failure) {
		try {
			return Terminals.toFuture(fallbacks.handle(invocation, failure));
		}
		catch (Throwable ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

}
