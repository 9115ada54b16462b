package dev.resilience.aop;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.resilience.annotation.Bulkhead;
import dev.resilience.annotation.CircuitBreaker;
import dev.resilience.annotation.Retry;
import dev.resilience.annotation.TimeLimited;
import dev.resilience.autoconfigure.ResilienceAutoConfiguration;
import dev.resilience.bulkhead.BulkheadRegistry;
import dev.resilience.circuitbreaker.CircuitBreakerRegistry;
import dev.resilience.timelimiter.TimeLimitExceededException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Regression tests for asynchronous calls that end before the method's future does: a
 * time-out of {@code @TimeLimited} and a caller's cancellation left the method's future
 * running, so a {@code @Bulkhead} slot it held was never given back and every later call
 * was rejected.
 *
 * @author Resilience
 */
class AsyncCancellationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ResilienceAutoConfiguration.class))
		.withPropertyValues("resilience.time-limiter.instances.hanging.timeout=200ms",
				"resilience.bulkhead.instances.hanging.max-concurrent-calls=1",
				"resilience.retry.instances.hanging.wait-duration=1ms", "resilience.retry.instances.hanging.jitter=0")
		.withBean(HangingService.class);

	@Test
	void aTimedOutFutureGivesBackItsBulkheadSlot() {
		this.runner.run((context) -> {
			HangingService service = context.getBean(HangingService.class);
			for (int call = 0; call < 3; call++) {
				assertThatExceptionOfType(CompletionException.class).isThrownBy(() -> service.limited().join())
					.withCauseInstanceOf(TimeLimitExceededException.class);
			}
			assertThat(service.started()).hasSize(3).allMatch(CompletableFuture::isCancelled);
			awaitNoActiveCalls(context);
		});
	}

	@Test
	void aCancelledFutureGivesBackItsBulkheadSlot() {
		this.runner.run((context) -> {
			HangingService service = context.getBean(HangingService.class);
			for (int call = 0; call < 3; call++) {
				CompletableFuture<String> result = service.bulkheadOnly();
				assertThat(result.cancel(true)).isTrue();
			}
			assertThat(service.started()).hasSize(3).allMatch(CompletableFuture::isCancelled);
			awaitNoActiveCalls(context);
		});
	}

	@Test
	void cancellingThroughEveryPatternAndTheFallbackReachesTheMethodsFuture() {
		this.runner.run((context) -> {
			HangingService service = context.getBean(HangingService.class);
			CompletableFuture<String> result = service.stacked();
			// well within the time limit, not after Awaitility's default poll delay
			await().pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(1))
				.until(() -> service.started().size() == 1);
			result.cancel(true);
			assertThatExceptionOfType(CancellationException.class).isThrownBy(result::join);
			assertThat(service.started()).hasSize(1).allMatch(CompletableFuture::isCancelled);
			awaitNoActiveCalls(context);
			// a cancelled call says nothing about the downstream
			assertThat(context.getBean(CircuitBreakerRegistry.class).get("hanging").metrics().bufferedCalls()).isZero();
			assertThat(service.stacked().cancel(true)).isTrue();
			assertThat(service.started()).hasSize(2);
		});
	}

	private static void awaitNoActiveCalls(AssertableApplicationContext context) {
		await().untilAsserted(
				() -> assertThat(context.getBean(BulkheadRegistry.class).get("hanging").metrics().activeCalls())
					.isZero());
	}

	static class HangingService {

		private final List<CompletableFuture<String>> started = new CopyOnWriteArrayList<>();

		List<CompletableFuture<String>> started() {
			return this.started;
		}

		@TimeLimited(name = "hanging")
		@Bulkhead(name = "hanging")
		public CompletableFuture<String> limited() {
			return hang();
		}

		@Bulkhead(name = "hanging")
		public CompletableFuture<String> bulkheadOnly() {
			return hang();
		}

		@Retry(name = "hanging", fallbackMethod = "fallback")
		@CircuitBreaker(name = "hanging")
		@TimeLimited(name = "hanging")
		@Bulkhead(name = "hanging")
		public CompletableFuture<String> stacked() {
			return hang();
		}

		CompletableFuture<String> fallback(IOException failure) {
			return CompletableFuture.completedFuture("fallback");
		}

		private CompletableFuture<String> hang() {
			CompletableFuture<String> future = new CompletableFuture<>();
			this.started.add(future);
			return future;
		}

	}

}
