package dev.resilience.core;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.HttpStatusCodeException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DefaultErrorClassifier}.
 */
class DefaultErrorClassifierTests {

	private final ErrorClassifier classifier = ErrorClassifier.defaults();

	@ParameterizedTest
	@ValueSource(ints = { 408, 429, 500, 502, 503, 504 })
	void httpStatusIsTransient(int status) {
		assertThat(this.classifier.isTransient(httpFailure(status))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(ints = { 400, 401, 403, 404, 409, 422, 499 })
	void httpStatusIsPermanent(int status) {
		assertThat(this.classifier.isTransient(httpFailure(status))).isFalse();
	}

	@Test
	void virtualMachineErrorsArePermanent() {
		assertThat(this.classifier.isTransient(new OutOfMemoryError())).isFalse();
		assertThat(this.classifier.isTransient(new StackOverflowError())).isFalse();
	}

	@Test
	void ioExceptionsAreTransient() {
		assertThat(this.classifier.isTransient(new IOException("reset"))).isTrue();
		assertThat(this.classifier.isTransient(new ConnectException("refused"))).isTrue();
		assertThat(this.classifier.isTransient(new FileNotFoundException("gone"))).isTrue();
	}

	@Test
	void timeoutExceptionIsTransient() {
		assertThat(this.classifier.isTransient(new TimeoutException("slow"))).isTrue();
	}

	@Test
	void resilienceRejectionsAreTransient() {
		assertThat(this.classifier.isTransient(new Rejection())).isTrue();
	}

	@Test
	void illegalArgumentExceptionIsPermanent() {
		assertThat(this.classifier.isTransient(new IllegalArgumentException("bad"))).isFalse();
		assertThat(this.classifier.isTransient(new NumberFormatException("not a number"))).isFalse();
	}

	@Test
	void otherExceptionsAreTransient() {
		assertThat(this.classifier.isTransient(new IllegalStateException("odd"))).isTrue();
		assertThat(this.classifier.isTransient(new RuntimeException("unknown"))).isTrue();
	}

	@Test
	void defaultsIsASingleInstance() {
		assertThat(ErrorClassifier.defaults()).isSameAs(DefaultErrorClassifier.INSTANCE);
	}

	private static HttpStatusCodeException httpFailure(int status) {
		HttpStatusCode code = HttpStatusCode.valueOf(status);
		return (status < 500) ? new HttpClientErrorException(code) : new HttpServerErrorException(code);
	}

	static class Rejection extends ResilienceException {

		Rejection() {
			super("test", "rejected", false);
		}

	}

}
