package dev.resilience.aop;

import java.util.concurrent.CompletableFuture;

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
			case COMPLETION_STAGE -> (invocation) -> Terminals.invokeAsync(next, invocation)
				.toCompletableFuture()
				.exceptionallyCompose((failure) -> fallbackAsync(fallbacks, invocation, failure));
			case MONO -> ReactorStages.fallbackMono(fallbacks, next);
			case FLUX -> ReactorStages.fallbackFlux(fallbacks, next);
		};
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
