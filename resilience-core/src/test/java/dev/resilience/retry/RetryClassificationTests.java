package dev.resilience.retry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import dev.resilience.core.ErrorClassifier;
import dev.resilience.core.ExceptionTypes;
import dev.resilience.core.ResilienceException;
import dev.resilience.testsupport.ManualTimeSource;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for which failures a {@link Retry} retries.
 */
class RetryClassificationTests {

	@Test
	void retriesIoExceptionsByDefault() {
		Retry retry = retry(RetryConfig.ofDefaults());
		assertThat(retry.shouldRetry(new IOException("reset"))).isTrue();
		assertThat(retry.shouldRetry(new SocketTimeoutException("slow"))).isTrue();
		assertThat(retry.shouldRetry(new TimeoutException("slow"))).isTrue();
	}

	@Test
	void doesNotRetryIllegalArgumentExceptionByDefault() {
		assertThat(retry(RetryConfig.ofDefaults()).shouldRetry(new IllegalArgumentException("bad"))).isFalse();
	}

	@Test
	void retriesOtherExceptionsByDefault() {
		assertThat(retry(RetryConfig.ofDefaults()).shouldRetry(new IllegalStateException("odd"))).isTrue();
	}

	@Test
	void retriesServiceUnavailableAndTooManyRequests() {
		Retry retry = retry(RetryConfig.ofDefaults());
		assertThat(retry.shouldRetry(new HttpServerErrorException(HttpStatus.SERVICE_UNAVAILABLE))).isTrue();
		assertThat(retry.shouldRetry(new HttpClientErrorException(HttpStatus.TOO_MANY_REQUESTS))).isTrue();
		assertThat(retry.shouldRetry(new HttpServerErrorException(HttpStatus.BAD_GATEWAY))).isTrue();
	}

	@Test
	void doesNotRetryNotFound() {
		Retry retry = retry(RetryConfig.ofDefaults());
		assertThat(retry.shouldRetry(new HttpClientErrorException(HttpStatus.NOT_FOUND))).isFalse();
		assertThat(retry
			.shouldRetry(HttpClientErrorException.create(HttpStatus.NOT_FOUND, "Not Found", null, new byte[0], null)))
			.isFalse();
	}

	@Test
	void classifiesTheCauseOfAsyncWrappers() {
		Retry retry = retry(RetryConfig.ofDefaults());
		assertThat(retry.shouldRetry(new CompletionException(new IllegalArgumentException("bad")))).isFalse();
		assertThat(retry.shouldRetry(new ExecutionException(new IOException("down")))).isTrue();
	}

	@Test
	void retryExceptionsReplaceTheClassifier() {
		Retry retry = retry(RetryConfig.builder()
			.retryExceptions(ExceptionTypes.of(List.of(IllegalArgumentException.class)))
			.build());
		assertThat(retry.shouldRetry(new IllegalArgumentException("listed"))).isTrue();
		assertThat(retry.shouldRetry(new NumberFormatException("subtype of listed"))).isTrue();
		assertThat(retry.shouldRetry(new IOException("not listed"))).isFalse();
		assertThat(retry.shouldRetry(new HttpServerErrorException(HttpStatus.SERVICE_UNAVAILABLE))).isFalse();
	}

	@Test
	void ignoreExceptionsWinOverTheClassifier() {
		Retry retry = retry(RetryConfig.builder()
			.ignoreExceptions(ExceptionTypes.of(List.of(SocketTimeoutException.class)))
			.build());
		assertThat(retry.shouldRetry(new SocketTimeoutException("ignored"))).isFalse();
		assertThat(retry.shouldRetry(new IOException("still retried"))).isTrue();
	}

	@Test
	void ignoreExceptionsWinOverRetryExceptions() {
		Retry retry = retry(RetryConfig.builder()
			.retryExceptions(ExceptionTypes.of(List.of(IOException.class)))
			.ignoreExceptions(ExceptionTypes.of(List.of(SocketTimeoutException.class)))
			.build());
		assertThat(retry.shouldRetry(new IOException("retried"))).isTrue();
		assertThat(retry.shouldRetry(new SocketTimeoutException("ignored"))).isFalse();
	}

	@Test
	void ignoreExceptionsMatchTheCauseOfAsyncWrappers() {
		Retry retry = retry(
				RetryConfig.builder().ignoreExceptions(ExceptionTypes.of(List.of(UncheckedIOException.class))).build());
		assertThat(retry.shouldRetry(new CompletionException(new UncheckedIOException(new IOException())))).isFalse();
	}

	@Test
	void doesNotRetryPolicyRejections() {
		Retry retry = retry(RetryConfig.ofDefaults());
		assertThat(retry.shouldRetry(new PolicyRejection())).isFalse();
	}

	@Test
	void retriesRejectionsThatAreNotPolicyRejections() {
		Retry retry = retry(RetryConfig.ofDefaults());
		assertThat(retry.shouldRetry(new CapacityRejection())).isTrue();
	}

	@Test
	void retriesPolicyRejectionsWhenListed() {
		Retry retry = retry(
				RetryConfig.builder().retryExceptions(ExceptionTypes.of(List.of(PolicyRejection.class))).build());
		assertThat(retry.shouldRetry(new PolicyRejection())).isTrue();
	}

	@Test
	void doesNotRetryPolicyRejectionsEvenWhenTheClassifierCallsThemTransient() {
		Retry retry = new Retry("test", RetryConfig.ofDefaults(), (failure) -> true, new ManualTimeSource(),
				(nanos) -> {
				}, (task, delay) -> {
				});
		assertThat(retry.shouldRetry(new PolicyRejection())).isFalse();
		assertThat(retry.shouldRetry(new IllegalArgumentException())).isTrue();
	}

	@Test
	void usesTheGivenClassifier() {
		ErrorClassifier onlyIllegalState = (failure) -> failure instanceof IllegalStateException;
		Retry retry = new Retry("test", RetryConfig.ofDefaults(), onlyIllegalState, new ManualTimeSource(), (nanos) -> {
		}, (task, delay) -> {
		});
		assertThat(retry.shouldRetry(new IllegalStateException())).isTrue();
		assertThat(retry.shouldRetry(new IOException())).isFalse();
	}

	@Test
	void neverRetriesInterruptedException() {
		Retry retry = retry(
				RetryConfig.builder().retryExceptions(ExceptionTypes.of(List.of(InterruptedException.class))).build());
		assertThat(retry.shouldRetry(new InterruptedException())).isFalse();
	}

	private static Retry retry(RetryConfig config) {
		return new Retry("test", config, ErrorClassifier.defaults(), new ManualTimeSource(), (nanos) -> {
		}, (task, delay) -> {
		});
	}

	static class PolicyRejection extends ResilienceException {

		PolicyRejection() {
			super("inner", "rejected by policy", false);
		}

		@Override
		public boolean isPolicyRejection() {
			return true;
		}

	}

	static class CapacityRejection extends ResilienceException {

		CapacityRejection() {
			super("inner", "no capacity", false);
		}

	}

}
