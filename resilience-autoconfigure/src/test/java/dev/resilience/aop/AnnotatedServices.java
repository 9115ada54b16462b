package dev.resilience.aop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import dev.resilience.annotation.CircuitBreaker;
import dev.resilience.annotation.Retry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Beans whose methods carry resilience annotations, shared by the interception tests.
 *
 * @author Resilience
 */
final class AnnotatedServices {

	private AnnotatedServices() {
	}

	/**
	 * Fails a given number of times, then answers.
	 */
	static class Flaky {

		final AtomicInteger calls = new AtomicInteger();

		volatile int failuresLeft;

		volatile Supplier<RuntimeException> failure = () -> new UncheckedIOException(
				new IOException("downstream unavailable"));

		void failNextCalls(int count) {
			this.failuresLeft = count;
		}

		String call(String value) {
			this.calls.incrementAndGet();
			if (this.failuresLeft > 0) {
				this.failuresLeft--;
				throw this.failure.get();
			}
			return "ok:" + value;
		}

	}

	static class RetryingService {

		final Flaky flaky = new Flaky();

		Flaky flaky() {
			return this.flaky;
		}

		@Retry(name = "inventory")
		public String stock(String sku) {
			return this.flaky.call(sku);
		}

		@Retry(name = "inventory")
		@CircuitBreaker(name = "inventory")
		public String guarded(String sku) {
			return this.flaky.call(sku);
		}

		@Retry
		public String unnamed(String sku) {
			return this.flaky.call(sku);
		}

		@Retry(name = "inventory")
		public void touch() {
			this.flaky.call("void");
		}

		@Retry(name = "inventory")
		public CompletableFuture<String> stockAsync(String sku) {
			try {
				return CompletableFuture.completedFuture(this.flaky.call(sku));
			}
			catch (RuntimeException ex) {
				return CompletableFuture.failedFuture(ex);
			}
		}

		@Retry(name = "inventory")
		public CompletionStage<String> stockThrowingAsync(String sku) {
			return CompletableFuture.completedFuture(this.flaky.call(sku));
		}

		@Retry(name = "inventory")
		public Mono<String> stockMono(String sku) {
			return Mono.fromCallable(() -> this.flaky.call(sku));
		}

		@Retry(name = "inventory")
		public Flux<String> stockFlux(String sku) {
			return Flux.defer(() -> Flux.just(this.flaky.call(sku), "more"));
		}

	}

	static class FallbackService {

		final Flaky flaky = new Flaky();

		Flaky flaky() {
			return this.flaky;
		}

		@Retry(name = "inventory", fallbackMethod = "cached")
		@CircuitBreaker(name = "inventory", fallbackMethod = "cached")
		public String stock(String sku) {
			return this.flaky.call(sku);
		}

		String cached(String sku, Throwable cause) {
			return "cached:" + sku + ":" + cause.getClass().getSimpleName();
		}

		String cached(String sku, IllegalStateException cause) {
			return "illegal-state:" + sku;
		}

		@CircuitBreaker(name = "inventory", fallbackMethod = "onlyIo")
		public String ioOnly(String sku) {
			return this.flaky.call(sku);
		}

		String onlyIo(String sku, UncheckedIOException cause) {
			return "io:" + sku;
		}

		@Retry(name = "inventory", fallbackMethod = "noCause")
		public String withoutCause(String sku) {
			return this.flaky.call(sku);
		}

		private String noCause(String sku) {
			return "no-cause:" + sku;
		}

		@Retry(name = "inventory", fallbackMethod = "cachedAsync")
		public CompletableFuture<String> stockAsync(String sku) {
			return CompletableFuture.supplyAsync(() -> this.flaky.call(sku));
		}

		CompletableFuture<String> cachedAsync(String sku, Throwable cause) {
			return CompletableFuture.completedFuture("cached-async:" + cause.getClass().getSimpleName());
		}

		@Retry(name = "inventory", fallbackMethod = "cachedMono")
		public Mono<String> stockMono(String sku) {
			return Mono.fromCallable(() -> this.flaky.call(sku));
		}

		Mono<String> cachedMono(String sku, Throwable cause) {
			return Mono.just("cached-mono:" + cause.getClass().getSimpleName());
		}

		@Retry(name = "inventory", fallbackMethod = "cachedFlux")
		public Flux<String> stockFlux(String sku) {
			return Flux.defer(() -> Flux.just(this.flaky.call(sku)));
		}

		Flux<String> cachedFlux(String sku, Throwable cause) {
			return Flux.just("cached-flux");
		}

	}

	@Retry(name = "type-level")
	static class TypeLevelService {

		final Flaky flaky = new Flaky();

		Flaky flaky() {
			return this.flaky;
		}

		public String inherited(String sku) {
			return this.flaky.call(sku);
		}

		@Retry(name = "method-level")
		public String overridden(String sku) {
			return this.flaky.call(sku);
		}

	}

	interface StockApi {

		@Retry(name = "inventory")
		String stock(String sku);

	}

	static final class InterfaceService implements StockApi {

		final Flaky flaky = new Flaky();

		Flaky flaky() {
			return this.flaky;
		}

		@Override
		public String stock(String sku) {
			return this.flaky.call(sku);
		}

	}

	static class MissingFallbackService {

		@CircuitBreaker(name = "inventory", fallbackMethod = "nowhere")
		public String stock(String sku) {
			return sku;
		}

	}

	static class IllTypedFallbackService {

		@CircuitBreaker(name = "inventory", fallbackMethod = "wrong")
		public String stock(String sku) {
			return sku;
		}

		Integer wrong(String sku, Throwable cause) {
			return 0;
		}

	}

	static class ConflictingFallbacksService {

		@Retry(fallbackMethod = "one")
		@CircuitBreaker(fallbackMethod = "two")
		public String stock(String sku) {
			return sku;
		}

		String one(String sku) {
			return sku;
		}

		String two(String sku) {
			return sku;
		}

	}

}
