package dev.resilience.aop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dev.resilience.annotation.Retry;
import dev.resilience.autoconfigure.ResilienceAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Regression tests for the attempts of an asynchronous retry after the first: they ran
 * without the caller's MDC, and went on after the application context was closed.
 *
 * @author Resilience
 */
class AsyncRetryContextTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ResilienceAutoConfiguration.class))
		.withPropertyValues("resilience.retry.instances.quick.wait-duration=1ms",
				"resilience.retry.instances.quick.jitter=0", "resilience.retry.instances.slow.wait-duration=1h",
				"resilience.retry.instances.slow.max-wait-duration=1h", "resilience.retry.instances.slow.jitter=0")
		.withBean(FailingService.class);

	@Test
	void laterAttemptsRunWithTheCallersMdc() {
		this.runner.run((context) -> {
			FailingService service = context.getBean(FailingService.class);
			MDC.put("request", "r-1");
			try {
				assertThatExceptionOfType(CompletionException.class).isThrownBy(() -> service.quick().join());
			}
			finally {
				MDC.remove("request");
			}
			assertThat(service.requests()).containsExactly("r-1", "r-1", "r-1");
		});
	}

	@Test
	void aRetryWaitingWhenTheContextClosesFailsAtOnceAndMakesNoMoreAttempts() {
		this.runner.run((context) -> {
			FailingService service = context.getBean(FailingService.class);
			CompletableFuture<String> result = service.slow();
			assertThat(result).isNotDone();
			context.close();
			assertThatExceptionOfType(CompletionException.class)
				.isThrownBy(() -> result.orTimeout(10, TimeUnit.SECONDS).join())
				.withCauseInstanceOf(UncheckedIOException.class)
				.satisfies((failure) -> assertThat(failure.getCause().getSuppressed())
					.anySatisfy((suppressed) -> assertThat(suppressed).hasMessageContaining("was closed")));
			assertThat(service.requests()).hasSize(1);
		});
	}

	static class FailingService {

		private final List<String> requests = new CopyOnWriteArrayList<>();

		List<String> requests() {
			return this.requests;
		}

		@Retry(name = "quick")
		public CompletableFuture<String> quick() {
			return fail();
		}

		@Retry(name = "slow")
		public CompletableFuture<String> slow() {
			return fail();
		}

		private CompletableFuture<String> fail() {
			this.requests.add(String.valueOf(MDC.get("request")));
			return CompletableFuture.failedFuture(new UncheckedIOException(new IOException("down")));
		}

	}

}
