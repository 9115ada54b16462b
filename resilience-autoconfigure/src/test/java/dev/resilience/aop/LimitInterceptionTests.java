package dev.resilience.aop;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.resilience.aop.LimitedServices.BadKeyService;
import dev.resilience.aop.LimitedServices.ConflictingKeysService;
import dev.resilience.aop.LimitedServices.QuoteService;
import dev.resilience.aop.LimitedServices.ReportService;
import dev.resilience.aop.LimitedServices.Search;
import dev.resilience.aop.LimitedServices.SearchService;
import dev.resilience.aop.LimitedServices.StackedService;
import dev.resilience.aop.LimitedServices.UnparsableKeyService;
import dev.resilience.autoconfigure.ResilienceAutoConfiguration;
import dev.resilience.bulkhead.BulkheadFullException;
import dev.resilience.bulkhead.BulkheadRegistry;
import dev.resilience.circuitbreaker.CircuitBreakerRegistry;
import dev.resilience.ratelimiter.RateLimitExceededException;
import dev.resilience.ratelimiter.RateLimiterRegistry;
import dev.resilience.timelimiter.TimeLimitExceededException;
import dev.resilience.timelimiter.TimeLimiterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the interception of {@code @RateLimited}, {@code @Bulkhead} and
 * {@code @TimeLimited} methods, alone and stacked with the other patterns.
 *
 * @author Resilience
 */
class LimitInterceptionTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ResilienceAutoConfiguration.class))
		.withPropertyValues("resilience.rate-limiter.defaults.limit=2", "resilience.rate-limiter.defaults.burst=2",
				"resilience.rate-limiter.defaults.period=1h", "resilience.rate-limiter.instances.per-tenant.limit=1",
				"resilience.rate-limiter.instances.per-tenant.burst=1",
				"resilience.rate-limiter.instances.stacked.limit=100",
				"resilience.rate-limiter.instances.stacked.burst=100",
				"resilience.bulkhead.instances.reports.max-concurrent-calls=1",
				"resilience.bulkhead.instances.async-reports.max-concurrent-calls=1",
				"resilience.time-limiter.instances.quotes.timeout=200ms",
				"resilience.time-limiter.instances.stacked.timeout=5s",
				"resilience.retry.instances.stacked.wait-duration=1ms");

	@Test
	void rejectsCallsBeyondTheLimitWithRetryAfter() {
		withBean(SearchService.class, (context, service) -> {
			assertThat(service.search("a")).isEqualTo("found:a");
			assertThat(service.search("b")).isEqualTo("found:b");
			assertThatExceptionOfType(RateLimitExceededException.class).isThrownBy(() -> service.search("c"))
				.satisfies((rejection) -> {
					assertThat(rejection.getInstanceName()).isEqualTo("search");
					assertThat(rejection.getRetryAfter()).isPositive();
				});
			assertThat(service.calls()).hasValue(2);
		});
	}

	@Test
	void keepsOneBucketPerKey() {
		withBean(SearchService.class, (context, service) -> {
			service.searchFor("alice", "a");
			service.searchFor("alice", "b");
			assertThatExceptionOfType(RateLimitExceededException.class)
				.isThrownBy(() -> service.searchFor("alice", "c"));
			assertThat(service.searchFor("bob", "a")).isEqualTo("bob:a");
			assertThat(context.getBean(RateLimiterRegistry.class).get("per-user").metrics().liveKeys()).isEqualTo(2);
		});
	}

	@Test
	void evaluatesSpelKeysAndFallsBackOnRejection() {
		withBean(SearchService.class, (context, service) -> {
			assertThat(service.searchIn(new Search("t1", "a"))).isEqualTo("t1:a");
			assertThat(service.searchIn(new Search("t1", "b"))).isEqualTo("busy:RateLimitExceededException");
			assertThat(service.searchIn(new Search("t2", "c"))).isEqualTo("t2:c");
		});
	}

	@Test
	void rejectsAsyncCallsWithAFailedFuture() {
		withBean(SearchService.class, (context, service) -> {
			service.search("a");
			service.search("b");
			CompletableFuture<String> rejected = service.searchAsync("c");
			assertThat(rejected).failsWithin(Duration.ofSeconds(5))
				.withThrowableThat()
				.withCauseInstanceOf(RateLimitExceededException.class);
			assertThat(service.calls()).hasValue(2);
		});
	}

	@Test
	void takesReactivePermitsOnSubscription() {
		withBean(SearchService.class, (context, service) -> {
			Mono<String> first = service.searchMono("a");
			Mono<String> second = service.searchMono("b");
			Mono<String> third = service.searchMono("c");
			assertThat(context.getBean(RateLimiterRegistry.class).get("search").metrics().permittedCalls()).isZero();
			StepVerifier.create(first).expectNext("found:a").verifyComplete();
			StepVerifier.create(second).expectNext("found:b").verifyComplete();
			StepVerifier.create(third).verifyError(RateLimitExceededException.class);
		});
	}

	@Test
	void rejectsCallsBeyondTheBulkheadWhileOneIsInside() throws Exception {
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			withBean(ReportService.class, (context, service) -> {
				Future<String> inside = executor.submit(() -> service.report("long"));
				await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(service.inside()).hasValue(1));
				assertThat(service.quickReport("x")).isEqualTo("later:BulkheadFullException");
				service.release().countDown();
				assertThat(inside.get(5, TimeUnit.SECONDS)).isEqualTo("report:long");
				assertThat(service.quickReport("y")).isEqualTo("quick:y");
			});
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void holdsAnAsyncSlotUntilTheResultCompletes() {
		withBean(ReportService.class, (context, service) -> {
			CompletableFuture<String> pending = new CompletableFuture<>();
			CompletableFuture<String> first = service.reportAsync(pending);
			CompletableFuture<String> second = service.reportAsync(CompletableFuture.completedFuture("second"));
			assertThat(second).failsWithin(Duration.ofSeconds(5))
				.withThrowableThat()
				.withCauseInstanceOf(BulkheadFullException.class);
			pending.complete("first");
			assertThat(first.join()).isEqualTo("first");
			assertThat(service.reportAsync(CompletableFuture.completedFuture("third")).join()).isEqualTo("third");
		});
	}

	@Test
	void holdsAReactiveSlotUntilTheSubscriptionEnds() {
		withBean(ReportService.class, (context, service) -> {
			Disposable holding = service.reportMono(Mono.never()).subscribe();
			StepVerifier.create(service.reportMono(Mono.just("second"))).verifyError(BulkheadFullException.class);
			holding.dispose();
			StepVerifier.create(service.reportMono(Mono.just("third"))).expectNext("third").verifyComplete();
			assertThat(context.getBean(BulkheadRegistry.class).get("async-reports").metrics().activeCalls()).isZero();
		});
	}

	@Test
	void interruptsASynchronousCallPastItsTimeout() {
		withBean(QuoteService.class, (context, service) -> {
			assertThatExceptionOfType(TimeLimitExceededException.class).isThrownBy(() -> service.slowQuote("ACME"));
			await().atMost(Duration.ofSeconds(5)).until(() -> service.interrupted().getCount() == 0);
			assertThat(context.getBean(TimeLimiterRegistry.class).get("quotes").metrics().timedOutCalls()).isEqualTo(1);
		});
	}

	@Test
	void runsASynchronousCallOnAnotherThread() {
		withBean(QuoteService.class, (context, service) -> assertThat(service.quote("ACME")).startsWith("quote:ACME:")
			.doesNotEndWith(":" + Thread.currentThread().getName()));
	}

	@Test
	void fallsBackOnTimeout() {
		withBean(QuoteService.class, (context, service) -> assertThat(service.slowQuoteWithFallback("ACME"))
			.isEqualTo("cached:TimeLimitExceededException"));
	}

	@Test
	void timesOutAsyncAndReactiveResults() {
		withBean(QuoteService.class, (context, service) -> {
			assertThat(service.quoteAsync(new CompletableFuture<>())).failsWithin(Duration.ofSeconds(5))
				.withThrowableThat()
				.withCauseInstanceOf(TimeLimitExceededException.class);
			StepVerifier.create(service.quoteMono(Mono.never())).verifyError(TimeLimitExceededException.class);
			StepVerifier.create(service.quoteMono(Mono.just("fast"))).expectNext("fast").verifyComplete();
		});
	}

	@Test
	void boundsAWholeFluxNotTheGapBetweenItems() {
		withBean(QuoteService.class, (context, service) -> {
			Flux<String> ticking = Flux.interval(Duration.ofMillis(20)).map(String::valueOf);
			StepVerifier.create(service.quoteFlux(ticking))
				.thenConsumeWhile((tick) -> true)
				.expectError(TimeLimitExceededException.class)
				.verify(Duration.ofSeconds(5));
		});
	}

	@Test
	void passesEveryAttemptThroughEveryPatternInOrder() {
		withBean(StackedService.class, (context, service) -> {
			service.failNextCalls(2);
			assertThat(service.call("a")).isEqualTo("ok:a");
			assertThat(service.calls()).hasValue(3);
			assertThat(context.getBean(RateLimiterRegistry.class).get("stacked").metrics().permittedCalls())
				.isEqualTo(3);
			assertThat(context.getBean(BulkheadRegistry.class).get("stacked").metrics().permittedCalls()).isEqualTo(3);
			assertThat(context.getBean(TimeLimiterRegistry.class).get("stacked").metrics().failedCalls()).isEqualTo(2);
			assertThat(context.getBean(CircuitBreakerRegistry.class).get("stacked").metrics().bufferedCalls())
				.isEqualTo(3);
			service.failNextCalls(3);
			assertThat(service.call("b")).isEqualTo("fallback:IllegalStateException");
		});
	}

	@Test
	void unknownKeyParameterFailsTheStart() {
		this.runner.withBean("searchService", BadKeyService.class)
			.run((context) -> assertThat(analyze(context).getDescription()).contains("searchService")
				.contains("#nobody")
				.contains("not a parameter"));
	}

	@Test
	void keyNamingANonParameterListsTheParametersThereAre() {
		this.runner.withBean("searchService", BadKeyService.class)
			.run((context) -> assertThat(analyze(context).getDescription())
				.contains("its parameters are #userId (#p0)"));
	}

	@Test
	void unparsableKeyFailsTheStart() {
		this.runner.withBean("searchService", UnparsableKeyService.class)
			.run((context) -> assertThat(analyze(context).getDescription()).contains("not a valid SpEL expression"));
	}

	@Test
	void oneInstanceWithTwoKeysFailsTheStart() {
		this.runner.withBean("searchService", ConflictingKeysService.class)
			.run((context) -> assertThat(analyze(context).getDescription()).contains("rate limiter 'shared'")
				.contains("#userId")
				.contains("#tenant"));
	}

	private <T> void withBean(Class<T> type, ContextConsumer<T> test) {
		this.runner.withBean(type).run((context) -> {
			assertThat(context).hasNotFailed();
			test.accept(context, context.getBean(type));
		});
	}

	private static FailureAnalysis analyze(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		FailureAnalysis analysis = new InvalidResilienceAnnotationFailureAnalyzer()
			.analyze(context.getStartupFailure());
		assertThat(analysis).isNotNull();
		return analysis;
	}

	@FunctionalInterface
	interface ContextConsumer<T> {

		void accept(AssertableApplicationContext context, T service) throws Exception;

	}

}
