package dev.resilience.aop;

import java.time.Duration;

import dev.resilience.bulkhead.Bulkhead;
import dev.resilience.ratelimiter.RateLimitExceededException;
import dev.resilience.ratelimiter.RateLimiter;
import dev.resilience.timelimiter.TimeLimiter;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.aop.ProxyMethodInvocation;

/**
 * The rate-limiter, time-limiter and bulkhead stages of methods returning {@code Mono} or
 * {@code Flux}. Waits are Reactor timers or queued callbacks, never a blocked thread.
 *
 * @author Resilience
 */
final class ReactorLimitStages {

	private ReactorLimitStages() {
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

	static Stage rateLimitMono(RateLimiter limiter, RateLimitKey key, Stage next) {
		if (limiter.isRemote()) {
			// the permit is asked for without blocking; the method is invoked once it is
			// held
			return (invocation) -> remotePermit(limiter, key, invocation).flatMap((wait) -> {
				Mono<Object> call = Mono.defer(() -> Mono.from(publisher(next, invocation)));
				return (wait > 0) ? Mono.delay(Duration.ofNanos(wait)).then(call) : call;
			});
		}
		return (invocation) -> Mono.defer(() -> {
			long wait;
			try {
				wait = limiter.reservePermission(key.of(invocation));
			}
			catch (RateLimitExceededException ex) {
				return Mono.error(ex);
			}
			Mono<Object> call = Mono.from(publisher(next, invocation));
			return (wait > 0) ? Mono.delay(Duration.ofNanos(wait)).then(call) : call;
		});
	}

	static Stage rateLimitFlux(RateLimiter limiter, RateLimitKey key, Stage next) {
		if (limiter.isRemote()) {
			return (invocation) -> remotePermit(limiter, key, invocation).flatMapMany((wait) -> {
				Flux<Object> call = Flux.defer(() -> Flux.from(publisher(next, invocation)));
				return (wait > 0) ? Mono.delay(Duration.ofNanos(wait)).thenMany(call) : call;
			});
		}
		return (invocation) -> Flux.defer(() -> {
			long wait;
			try {
				wait = limiter.reservePermission(key.of(invocation));
			}
			catch (RateLimitExceededException ex) {
				return Flux.error(ex);
			}
			Flux<Object> call = Flux.from(publisher(next, invocation));
			return (wait > 0) ? Mono.delay(Duration.ofNanos(wait)).thenMany(call) : call;
		});
	}

	/**
	 * The permit of a remote rate limiter, asked for on subscription: its wait, or a
	 * {@link RateLimitExceededException}.
	 */
	private static Mono<Long> remotePermit(RateLimiter limiter, RateLimitKey key, ProxyMethodInvocation invocation) {
		return Mono.defer(() -> Mono.fromFuture(limiter.reservePermissionAsync(key.of(invocation))));
	}

	static Stage timeLimitMono(TimeLimiter limiter, Stage next) {
		Duration timeout = limiter.config().timeout();
		return (invocation) -> Mono.from(publisher(next, invocation))
			.doOnSuccess((value) -> limiter.onSuccess())
			.doOnError(limiter::onError)
			.timeout(timeout, Mono.defer(() -> Mono.error(limiter.onTimeout())));
	}

	static Stage timeLimitFlux(TimeLimiter limiter, Stage next) {
		Duration timeout = limiter.config().timeout();
		long timeoutNanos = timeout.toNanos();
		return (invocation) -> Flux.defer(() -> {
			// one deadline for the whole stream, not a gap between items
			long deadline = System.nanoTime() + timeoutNanos;
			return Flux.from(publisher(next, invocation))
				.doOnComplete(limiter::onSuccess)
				.doOnError(limiter::onError)
				.timeout(Mono.delay(timeout),
						(item) -> Mono.delay(Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))),
						Flux.defer(() -> Flux.error(limiter.onTimeout())));
		});
	}

	static Stage bulkheadMono(Bulkhead bulkhead, Stage next) {
		return (invocation) -> Mono.usingWhen(slot(bulkhead), (slot) -> Mono.from(publisher(next, invocation)),
				(slot) -> release(bulkhead), (slot, failure) -> release(bulkhead), (slot) -> release(bulkhead));
	}

	static Stage bulkheadFlux(Bulkhead bulkhead, Stage next) {
		return (invocation) -> Flux.usingWhen(slot(bulkhead), (slot) -> Flux.from(publisher(next, invocation)),
				(slot) -> release(bulkhead), (slot, failure) -> release(bulkhead), (slot) -> release(bulkhead));
	}

	/**
	 * A slot, emitted as a value once held (the future itself completes empty);
	 * cancelling before then gives up the place in the queue.
	 */
	private static Mono<Boolean> slot(Bulkhead bulkhead) {
		return Mono.fromFuture(bulkhead::acquirePermissionAsync).thenReturn(Boolean.TRUE);
	}

	private static Mono<Void> release(Bulkhead bulkhead) {
		return Mono.fromRunnable(bulkhead::releasePermission);
	}

}
