package dev.resilience.aop;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.resilience.annotation.Bulkhead;
import dev.resilience.annotation.CircuitBreaker;
import dev.resilience.annotation.RateLimited;
import dev.resilience.annotation.Retry;
import dev.resilience.annotation.TimeLimited;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Beans whose methods are rate-limited, bulkheaded and time-limited, shared by the
 * interception tests.
 *
 * @author Resilience
 */
final class LimitedServices {

	private LimitedServices() {
	}

	record Search(String tenant, String text) {
	}

	static class SearchService {

		final AtomicInteger calls = new AtomicInteger();

		AtomicInteger calls() {
			return this.calls;
		}

		@RateLimited(name = "search")
		public String search(String text) {
			this.calls.incrementAndGet();
			return "found:" + text;
		}

		@RateLimited(name = "per-user", key = "#userId")
		public String searchFor(String userId, String text) {
			this.calls.incrementAndGet();
			return userId + ":" + text;
		}

		@RateLimited(name = "per-tenant", key = "#search.tenant()", fallbackMethod = "busy")
		public String searchIn(Search search) {
			this.calls.incrementAndGet();
			return search.tenant() + ":" + search.text();
		}

		String busy(Search search, Throwable cause) {
			return "busy:" + cause.getClass().getSimpleName();
		}

		@RateLimited(name = "search")
		public CompletableFuture<String> searchAsync(String text) {
			this.calls.incrementAndGet();
			return CompletableFuture.completedFuture("found:" + text);
		}

		@RateLimited(name = "search")
		public Mono<String> searchMono(String text) {
			return Mono.fromSupplier(() -> {
				this.calls.incrementAndGet();
				return "found:" + text;
			});
		}

	}

	static class ReportService {

		final CountDownLatch release = new CountDownLatch(1);

		final AtomicInteger inside = new AtomicInteger();

		CountDownLatch release() {
			return this.release;
		}

		AtomicInteger inside() {
			return this.inside;
		}

		@Bulkhead(name = "reports")
		public String report(String name) throws InterruptedException {
			this.inside.incrementAndGet();
			try {
				this.release.await(10, TimeUnit.SECONDS);
				return "report:" + name;
			}
			finally {
				this.inside.decrementAndGet();
			}
		}

		@Bulkhead(name = "reports", fallbackMethod = "later")
		public String quickReport(String name) {
			return "quick:" + name;
		}

		String later(String name, Throwable cause) {
			return "later:" + cause.getClass().getSimpleName();
		}

		@Bulkhead(name = "async-reports")
		public CompletableFuture<String> reportAsync(CompletableFuture<String> result) {
			return result;
		}

		@Bulkhead(name = "async-reports")
		public Mono<String> reportMono(Mono<String> result) {
			return result;
		}

	}

	static class QuoteService {

		final CountDownLatch interrupted = new CountDownLatch(1);

		CountDownLatch interrupted() {
			return this.interrupted;
		}

		@TimeLimited(name = "quotes")
		public String slowQuote(String symbol) {
			try {
				new CountDownLatch(1).await(10, TimeUnit.SECONDS);
				return "late:" + symbol;
			}
			catch (InterruptedException ex) {
				this.interrupted.countDown();
				Thread.currentThread().interrupt();
				return "interrupted";
			}
		}

		@TimeLimited(name = "quotes")
		public String quote(String symbol) {
			return "quote:" + symbol + ":" + Thread.currentThread().getName();
		}

		@TimeLimited(name = "quotes", fallbackMethod = "cachedQuote")
		public String slowQuoteWithFallback(String symbol) {
			return slowQuote(symbol);
		}

		String cachedQuote(String symbol, Throwable cause) {
			return "cached:" + cause.getClass().getSimpleName();
		}

		@TimeLimited(name = "quotes")
		public CompletableFuture<String> quoteAsync(CompletableFuture<String> result) {
			return result;
		}

		@TimeLimited(name = "quotes")
		public Mono<String> quoteMono(Mono<String> result) {
			return result;
		}

		@TimeLimited(name = "quotes")
		public Flux<String> quoteFlux(Flux<String> result) {
			return result;
		}

	}

	static class StackedService {

		final AtomicInteger calls = new AtomicInteger();

		volatile int failuresLeft;

		AtomicInteger calls() {
			return this.calls;
		}

		void failNextCalls(int count) {
			this.failuresLeft = count;
		}

		@Retry(name = "stacked", fallbackMethod = "fallback")
		@CircuitBreaker(name = "stacked", fallbackMethod = "fallback")
		@RateLimited(name = "stacked", fallbackMethod = "fallback")
		@TimeLimited(name = "stacked", fallbackMethod = "fallback")
		@Bulkhead(name = "stacked", fallbackMethod = "fallback")
		public String call(String value) {
			this.calls.incrementAndGet();
			if (this.failuresLeft > 0) {
				this.failuresLeft--;
				throw new IllegalStateException("transient");
			}
			return "ok:" + value;
		}

		String fallback(String value, Throwable cause) {
			return "fallback:" + cause.getClass().getSimpleName();
		}

	}

	static class BadKeyService {

		@RateLimited(key = "#nobody")
		public String search(String userId) {
			return userId;
		}

	}

	static class UnparsableKeyService {

		@RateLimited(key = "#userId +")
		public String search(String userId) {
			return userId;
		}

	}

	static class ConflictingKeysService {

		@RateLimited(name = "shared", key = "#userId")
		public String byUser(String userId) {
			return userId;
		}

		@RateLimited(name = "shared", key = "#tenant")
		public String byTenant(String tenant) {
			return tenant;
		}

	}

}
