package dev.resilience.aop;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import dev.resilience.aop.AnnotatedServices.FallbackService;
import dev.resilience.aop.AnnotatedServices.InterfaceService;
import dev.resilience.aop.AnnotatedServices.RetryingService;
import dev.resilience.aop.AnnotatedServices.StockApi;
import dev.resilience.aop.AnnotatedServices.TypeLevelService;
import dev.resilience.autoconfigure.ResilienceAutoConfiguration;
import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerOpenException;
import dev.resilience.circuitbreaker.CircuitBreakerRegistry;
import dev.resilience.retry.RetryRegistry;
import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.aop.framework.Advised;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.NameMatchMethodPointcutAdvisor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the interception of {@code @Retry} and {@code @CircuitBreaker} methods.
 *
 * @author Resilience
 */
class ResilienceInterceptionTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ResilienceAutoConfiguration.class))
		.withPropertyValues("resilience.retry.defaults.wait-duration=1ms", "resilience.retry.defaults.jitter=0",
				"resilience.retry.instances.inventory.max-attempts=3",
				"resilience.circuit-breaker.instances.inventory.minimum-number-of-calls=4",
				"resilience.circuit-breaker.instances.inventory.sliding-window-size=4");

	@Test
	void retriesUntilTheCallSucceeds() {
		withRetrying((service) -> {
			service.flaky().failNextCalls(2);
			assertThat(service.stock("a")).isEqualTo("ok:a");
			assertThat(service.flaky().calls).hasValue(3);
		});
	}

	@Test
	void rethrowsTheLastFailureWithEarlierOnesSuppressed() {
		withRetrying((service) -> {
			service.flaky().failNextCalls(5);
			assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(() -> service.stock("a"))
				.satisfies((failure) -> assertThat(failure.getSuppressed()).hasSize(2));
			assertThat(service.flaky().calls).hasValue(3);
		});
	}

	@Test
	void everyAttemptPassesTheCircuitBreakerAgain() {
		this.runner.withBean(RetryingService.class).run((context) -> {
			RetryingService service = context.getBean(RetryingService.class);
			service.flaky().failNextCalls(2);
			assertThat(service.guarded("a")).isEqualTo("ok:a");
			CircuitBreaker breaker = context.getBean(CircuitBreakerRegistry.class).get("inventory");
			assertThat(breaker.metrics().bufferedCalls()).isEqualTo(3);
			assertThat(breaker.metrics().failedCalls()).isEqualTo(2);
		});
	}

	@Test
	void doesNotRetryAnOpenCircuitBreaker() {
		this.runner.withBean(RetryingService.class).run((context) -> {
			RetryingService service = context.getBean(RetryingService.class);
			context.getBean(CircuitBreakerRegistry.class).get("inventory").transitionTo(CircuitBreaker.State.OPEN);
			assertThatExceptionOfType(CircuitBreakerOpenException.class).isThrownBy(() -> service.guarded("a"))
				.satisfies((failure) -> assertThat(failure.getInstanceName()).isEqualTo("inventory"));
			assertThat(service.flaky().calls).hasValue(0);
			assertThat(context.getBean(RetryRegistry.class).get("inventory").metrics().failureWithoutRetry())
				.isEqualTo(1);
		});
	}

	@Test
	void everyAttemptRunsTheInterceptorsBehindTheRetryAgain() {
		withRetrying((service) -> {
			AtomicInteger inner = new AtomicInteger();
			NameMatchMethodPointcutAdvisor counting = new NameMatchMethodPointcutAdvisor(
					(MethodInterceptor) (invocation) -> {
						inner.incrementAndGet();
						return invocation.proceed();
					});
			counting.setMappedNames("stock", "stockAsync");
			((Advised) service).addAdvisor(counting);
			service.flaky().failNextCalls(2);
			assertThat(service.stock("a")).isEqualTo("ok:a");
			assertThat(inner).hasValue(3);
			service.flaky().failNextCalls(2);
			assertThat(service.stockAsync("b").join()).isEqualTo("ok:b");
			assertThat(inner).hasValue(6);
		});
	}

	@Test
	void namesAnUnnamedInstanceAfterClassAndMethod() {
		this.runner.withBean(RetryingService.class).run((context) -> {
			assertThat(context.getBean(RetryRegistry.class).find("RetryingService.unnamed")).isPresent();
			RetryingService service = context.getBean(RetryingService.class);
			service.flaky().failNextCalls(1);
			assertThat(service.unnamed("a")).isEqualTo("ok:a");
		});
	}

	@Test
	void retriesVoidMethods() {
		withRetrying((service) -> {
			service.flaky().failNextCalls(1);
			service.touch();
			assertThat(service.flaky().calls).hasValue(2);
		});
	}

	@Test
	void retriesCompletableFutureWithoutThrowing() {
		withRetrying((service) -> {
			service.flaky().failNextCalls(2);
			assertThat(service.stockAsync("a").join()).isEqualTo("ok:a");
			service.flaky().failNextCalls(3);
			CompletableFuture<String> failed = service.stockAsync("b");
			assertThatExceptionOfType(CompletionException.class).isThrownBy(failed::join)
				.withCauseInstanceOf(UncheckedIOException.class);
		});
	}

	@Test
	void turnsASynchronousThrowOfAnAsyncMethodIntoAFailedStage() {
		withRetrying((service) -> {
			service.flaky().failNextCalls(3);
			CompletableFuture<String> result = service.stockThrowingAsync("a").toCompletableFuture();
			assertThat(result).failsWithin(Duration.ofSeconds(5));
			assertThat(service.flaky().calls).hasValue(3);
		});
	}

	@Test
	void retriesMonoBySubscribingAgain() {
		withRetrying((service) -> {
			service.flaky().failNextCalls(2);
			StepVerifier.create(service.stockMono("a")).expectNext("ok:a").verifyComplete();
			assertThat(service.flaky().calls).hasValue(3);
			service.flaky().failNextCalls(3);
			StepVerifier.create(service.stockMono("b")).verifyError(UncheckedIOException.class);
		});
	}

	@Test
	void retriesFluxBySubscribingAgain() {
		withRetrying((service) -> {
			service.flaky().failNextCalls(1);
			StepVerifier.create(service.stockFlux("a")).expectNext("ok:a", "more").verifyComplete();
			assertThat(service.flaky().calls).hasValue(2);
		});
	}

	@Test
	void doesNothingBeforeAReactiveResultIsSubscribed() {
		withRetrying((service) -> {
			service.stockMono("a");
			assertThat(service.flaky().calls).hasValue(0);
		});
	}

	@Test
	void invokesTheFallbackWithTheCause() {
		withFallbacks((service) -> {
			service.flaky().failNextCalls(3);
			assertThat(service.stock("a")).isEqualTo("cached:a:UncheckedIOException");
		});
	}

	@Test
	void prefersTheMostSpecificFallback() {
		withFallbacks((service) -> {
			service.flaky().failure = () -> new IllegalStateException("broken");
			service.flaky().failNextCalls(3);
			assertThat(service.stock("a")).isEqualTo("illegal-state:a");
		});
	}

	@Test
	void rethrowsWhenNoFallbackHandlesTheFailure() {
		withFallbacks((service) -> {
			service.flaky().failure = () -> new IllegalStateException("not an I/O failure");
			service.flaky().failNextCalls(1);
			assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> service.ioOnly("a"));
			service.flaky().failure = () -> new UncheckedIOException(new java.io.IOException("io"));
			service.flaky().failNextCalls(1);
			assertThat(service.ioOnly("a")).isEqualTo("io:a");
		});
	}

	@Test
	void invokesAPrivateFallbackWithoutCause() {
		withFallbacks((service) -> {
			service.flaky().failNextCalls(3);
			assertThat(service.withoutCause("a")).isEqualTo("no-cause:a");
		});
	}

	@Test
	void fallsBackOnRejection() {
		this.runner.withBean(FallbackService.class).run((context) -> {
			context.getBean(CircuitBreakerRegistry.class).get("inventory").transitionTo(CircuitBreaker.State.OPEN);
			FallbackService service = context.getBean(FallbackService.class);
			assertThat(service.stock("a")).isEqualTo("cached:a:CircuitBreakerOpenException");
			assertThat(service.flaky().calls).hasValue(0);
		});
	}

	@Test
	void fallsBackAsynchronously() {
		withFallbacks((service) -> {
			service.flaky().failNextCalls(3);
			assertThat(service.stockAsync("a").join()).isEqualTo("cached-async:UncheckedIOException");
		});
	}

	@Test
	void fallsBackReactively() {
		withFallbacks((service) -> {
			service.flaky().failNextCalls(6);
			StepVerifier.create(service.stockMono("a")).expectNext("cached-mono:UncheckedIOException").verifyComplete();
			StepVerifier.create(service.stockFlux("a")).expectNext("cached-flux").verifyComplete();
		});
	}

	@Test
	void appliesTypeLevelAnnotationsToPublicMethodsAndLetsMethodsOverride() {
		this.runner.withBean(TypeLevelService.class).run((context) -> {
			RetryRegistry registry = context.getBean(RetryRegistry.class);
			assertThat(registry.find("type-level")).isPresent();
			assertThat(registry.find("method-level")).isPresent();
			TypeLevelService service = context.getBean(TypeLevelService.class);
			service.flaky().failNextCalls(1);
			assertThat(service.inherited("a")).isEqualTo("ok:a");
			assertThat(registry.get("type-level").metrics().successWithRetry()).isEqualTo(1);
			service.flaky().failNextCalls(1);
			assertThat(service.overridden("a")).isEqualTo("ok:a");
			assertThat(registry.get("method-level").metrics().successWithRetry()).isEqualTo(1);
		});
	}

	@Test
	void interceptsThroughAnInterfaceProxy() {
		this.runner.withBean(StockApi.class, InterfaceService::new).run((context) -> {
			StockApi api = context.getBean(StockApi.class);
			assertThat(AopUtils.isJdkDynamicProxy(api)).isTrue();
			InterfaceService target = (InterfaceService) ((org.springframework.aop.framework.Advised) api)
				.getTargetSource()
				.getTarget();
			target.flaky.failNextCalls(1);
			assertThat(api.stock("a")).isEqualTo("ok:a");
			assertThat(target.flaky.calls).hasValue(2);
		});
	}

	@Test
	void leavesBeansWithoutAnnotationsUnproxied() {
		this.runner.withBean(AnnotatedServices.Flaky.class)
			.run((context) -> assertThat(AopUtils.isAopProxy(context.getBean(AnnotatedServices.Flaky.class)))
				.isFalse());
	}

	@Test
	void leavesAnnotationsInertWhenDisabled() {
		this.runner.withPropertyValues("resilience.enabled=false").withBean(RetryingService.class).run((context) -> {
			RetryingService service = context.getBean(RetryingService.class);
			assertThat(AopUtils.isAopProxy(service)).isFalse();
			service.flaky().failNextCalls(1);
			assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(() -> service.stock("a"));
		});
	}

	private void withRetrying(Consumer<RetryingService> test) {
		this.runner.withBean(RetryingService.class)
			.run((context) -> test.accept(started(context).getBean(RetryingService.class)));
	}

	private void withFallbacks(Consumer<FallbackService> test) {
		this.runner.withBean(FallbackService.class)
			.run((context) -> test.accept(started(context).getBean(FallbackService.class)));
	}

	private static AssertableApplicationContext started(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		return context;
	}

}
