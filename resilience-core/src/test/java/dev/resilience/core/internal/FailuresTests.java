package dev.resilience.core.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import dev.resilience.core.RetryAfterAware;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Failures}.
 */
class FailuresTests {

	private static final ZonedDateTime NOW = ZonedDateTime.of(2025, 3, 14, 9, 0, 0, 0, ZoneOffset.UTC);

	@Test
	void unwrapReturnsAPlainFailureItself() {
		IOException failure = new IOException("plain");
		assertThat(Failures.unwrap(failure)).isSameAs(failure);
	}

	@Test
	void unwrapRemovesNestedAsyncWrappers() {
		IOException cause = new IOException("root");
		Throwable wrapped = new CompletionException(new ExecutionException(new CompletionException(cause)));
		assertThat(Failures.unwrap(wrapped)).isSameAs(cause);
	}

	@Test
	void unwrapStopsAtOtherWrappers() {
		RuntimeException other = new RuntimeException(new IOException("inner"));
		assertThat(Failures.unwrap(new CompletionException(other))).isSameAs(other);
	}

	@Test
	void unwrapKeepsAWrapperWithoutCause() {
		CompletionException empty = new CompletionException("no cause", null);
		assertThat(Failures.unwrap(empty)).isSameAs(empty);
	}

	@Test
	void httpStatusReadsSpringHttpClientExceptions() {
		assertThat(Failures.httpStatus(new HttpServerErrorException(HttpStatus.SERVICE_UNAVAILABLE))).isEqualTo(503);
		assertThat(Failures.httpStatus(new HttpClientErrorException(HttpStatus.NOT_FOUND))).isEqualTo(404);
		assertThat(Failures.httpStatus(HttpClientErrorException.create(HttpStatus.TOO_MANY_REQUESTS,
				"Too Many Requests", null, new byte[0], null)))
			.isEqualTo(429);
	}

	@Test
	void httpStatusOfANonHttpExceptionIsZero() {
		assertThat(Failures.httpStatus(new IOException("no status"))).isZero();
		assertThat(Failures.httpStatus(new IllegalStateException())).isZero();
	}

	@Test
	void retryAfterReadsRetryAfterAware() {
		assertThat(Failures.retryAfter(new Aware(Duration.ofSeconds(42)), NOW)).isEqualTo(Duration.ofSeconds(42));
		assertThat(Failures.retryAfter(new Aware(null), NOW)).isNull();
	}

	@Test
	void retryAfterReadsHeaderSeconds() {
		assertThat(Failures.retryAfter(tooManyRequests("120"), NOW)).isEqualTo(Duration.ofSeconds(120));
		assertThat(Failures.retryAfter(tooManyRequests(" 5 "), NOW)).isEqualTo(Duration.ofSeconds(5));
		assertThat(Failures.retryAfter(tooManyRequests("0"), NOW)).isZero();
	}

	@Test
	void retryAfterReadsHeaderHttpDate() {
		assertThat(Failures.retryAfter(tooManyRequests("Fri, 14 Mar 2025 09:01:30 GMT"), NOW))
			.isEqualTo(Duration.ofSeconds(90));
	}

	@Test
	void retryAfterOfAPastDateIsZero() {
		assertThat(Failures.retryAfter(tooManyRequests("Fri, 14 Mar 2025 08:59:00 GMT"), NOW)).isZero();
	}

	@Test
	void retryAfterIgnoresUnreadableAndNegativeValues() {
		assertThat(Failures.retryAfter(tooManyRequests("soon"), NOW)).isNull();
		assertThat(Failures.retryAfter(tooManyRequests("-3"), NOW)).isNull();
	}

	@Test
	void retryAfterIsNullWithoutHeader() {
		assertThat(Failures.retryAfter(new HttpServerErrorException(HttpStatus.SERVICE_UNAVAILABLE), NOW)).isNull();
	}

	@Test
	void retryAfterIsNullForOtherFailures() {
		assertThat(Failures.retryAfter(new IOException("no hint"), NOW)).isNull();
	}

	private static HttpClientErrorException tooManyRequests(String retryAfter) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, retryAfter);
		return HttpClientErrorException.create(HttpStatus.TOO_MANY_REQUESTS, "Too Many Requests", headers, new byte[0],
				StandardCharsets.UTF_8);
	}

	static class Aware extends RuntimeException implements RetryAfterAware {

		private final @Nullable Duration retryAfter;

		Aware(@Nullable Duration retryAfter) {
			this.retryAfter = retryAfter;
		}

		@Override
		public @Nullable Duration getRetryAfter() {
			return this.retryAfter;
		}

	}

}
