package dev.resilience.aop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerOpenException;
import dev.resilience.retry.Retry;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.aop.ProxyMethodInvocation;

/**
 * The stages of methods returning {@code Mono} or {@code Flux}. Loaded only for such
 * methods, so Reactor stays optional. Nothing happens before subscription, and every
 * subscription (every retry attempt) calls the method afresh; waits are Reactor timers,
 * never a blocked thread.
 *
 * @author Resilience
 */
final class ReactorStages {

	private ReactorStages() {
	}

	static Stage terminalMono() {
		return (invocation) -> Mono.defer(() -> Mono.from(proceed(invocation)));
	}

	static Stage terminalFlux() {
		return (invocation) -> Flux.defer(() -> proceed(invocation));
	}

	@SuppressWarnings("unchecked")
	private static Publisher<Object> proceed(ProxyMethodInvocation invocation) {
		try {
			Object result = invocation.invocableClone().proceed();
			return (result != null) ? (Publisher<Object>) result : Mono.empty();
		}
		catch (Throwable ex) {
			return Mono.error(ex);
		}
	}

	@SuppressWarnings("unchecked")
	private static Publisher<Object> publisher(Stage stage, ProxyMethodInvocation invocation) {
		try {
			Object publisher = stage.invoke(invocation);
			return (publisher != null) ? (Publisher<Object>) publisher
					: Mono.error(new NullPointerException("method returned null instead of a Publisher"));
		}
		catch (Throwable ex) {
			return Mono.error(ex);
		}
	}

	static Stage retryMono(Retry retry, Stage next) {
		return (invocation) -> attemptMono(retry, next, invocation, 1, null);
	}

	private static Mono<Object> attemptMono(Retry retry, Stage next, ProxyMethodInvocation invocation, int attempt,
			@Nullable List<Throwable> earlier) {
		return Mono.from(publisher(next, invocation))
			.doOnSuccess((value) -> retry.onSuccess(attempt))
			.onErrorResume((failure) -> {
				long delay = retry.onFailedAttempt(attempt, failure);
				if (delay < 0) {
					return Mono.error(withSuppressed(failure, earlier));
				}
				return Mono.delay(Duration.ofNanos(delay))
					.then(Mono.defer(() -> attemptMono(retry, next, invocation, attempt + 1, add(earlier, failure))));
			});
	}

	static Stage retryFlux(Retry retry, Stage next) {
		return (invocation) -> attemptFlux(retry, next, invocation, 1, null);
	}

	private static Flux<Object> attemptFlux(Retry retry, Stage next, ProxyMethodInvocation invocation, int attempt,
			@Nullable List<Throwable> earlier) {
		return Flux.from(publisher(next, invocation))
			.doOnComplete(() -> retry.onSuccess(attempt))
			.onErrorResume((failure) -> {
				long delay = retry.onFailedAttempt(attempt, failure);
				if (delay < 0) {
					return Flux.error(withSuppressed(failure, earlier));
				}
				return Mono.delay(Duration.ofNanos(delay))
					.thenMany(
							Flux.defer(() -> attemptFlux(retry, next, invocation, attempt + 1, add(earlier, failure))));
			});
	}

	private static List<Throwable> add(@Nullable List<Throwable> earlier, Throwable failure) {
		List<Throwable> failures = (earlier != null) ? new ArrayList<>(earlier) : new ArrayList<>();
		failures.add(failure);
		return failures;
	}

	private static Throwable withSuppressed(Throwable last, @Nullable List<Throwable> earlier) {
		if (earlier != null) {
			for (Throwable failure : earlier) {
				if (failure != last) {
					last.addSuppressed(failure);
				}
			}
		}
		return last;
	}

	static Stage circuitBreakerMono(CircuitBreaker breaker, Stage next) {
		return (invocation) -> Mono.defer(() -> {
			try {
				breaker.acquirePermission();
			}
			catch (CircuitBreakerOpenException ex) {
				return Mono.error(ex);
			}
			long start = breaker.nanoTime();
			return Mono.from(publisher(next, invocation))
				.doOnSuccess((value) -> breaker.onSuccess(breaker.nanoTime() - start))
				.doOnError((failure) -> breaker.onError(breaker.nanoTime() - start, failure))
				.doOnCancel(breaker::releasePermission);
		});
	}

	static Stage circuitBreakerFlux(CircuitBreaker breaker, Stage next) {
		return (invocation) -> Flux.defer(() -> {
			try {
				breaker.acquirePermission();
			}
			catch (CircuitBreakerOpenException ex) {
				return Flux.error(ex);
			}
			long start = breaker.nanoTime();
			return Flux.from(publisher(next, invocation))
				.doOnComplete(() -> breaker.onSuccess(breaker.nanoTime() - start))
				.doOnError((failure) -> breaker.onError(breaker.nanoTime() - start, failure))
				.doOnCancel(breaker::releasePermission);
		});
	}

	static Stage fallbackMono(FallbackMethods fallbacks, Stage next) {
		return (invocation) -> Mono.from(publisher(next, invocation))
			.onErrorResume((failure) -> Mono.from(fallback(fallbacks, invocation, failure)));
	}

	static Stage fallbackFlux(FallbackMethods fallbacks, Stage next) {
		return (invocation) -> Flux.from(publisher(next, invocation))
			.onErrorResume((failure) -> fallback(fallbacks, invocation, failure));
	}

	@SuppressWarnings("unchecked")
	private static Publisher<Object> fallback(FallbackMethods fallbacks, ProxyMethodInvocation invocation,
			Throwable failure) {
		try {
			Object result = fallbacks.handle(invocation, failure);
			return (result != null) ? (Publisher<Object>) result : Mono.empty();
		}
		catch (Throwable ex) {
			return Mono.error(ex);
		}
	}

}
