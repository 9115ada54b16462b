package dev.resilience.retry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import dev.resilience.core.ErrorClassifier;
import dev.resilience.core.ExceptionTypes;
import dev.resilience.core.ResilienceEvent;
import dev.resilience.core.ResilienceException;
import dev.resilience.core.RetryAfterAware;
import dev.resilience.testsupport.ManualScheduler;
import dev.resilience.testsupport.ManualTimeSource;
import dev.resilience.testsupport.RecordingSleeper;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Tests for how a {@link Retry} honours a failure's {@code Retry-After}.
 */
class RetryAfterTests {

	private static final long MS = 1_000_000L;

	private final ManualTimeSource time = new ManualTimeSource();

	private final RecordingSleeper sleeper = new RecordingSleeper(this.time);

	private final ManualScheduler scheduler = new ManualScheduler(this.time);

	private final Retry retry = new Retry("after",
			RetryConfig.builder()
				.maxAttempts(3)
				.backoff(Backoff.FIXED)
				.waitDuration(Duration.ofSeconds(1))
				.maxWaitDuration(Duration.ofSeconds(10))
				.jitter(0.0)
				.build(),
			ErrorClassifier.defaults(), this.time, this.sleeper, this.scheduler);

	@Test
	void waitsForARetryAfterLongerThanTheBackoff() throws Throwable {
		ScriptedCall call = ScriptedCall.of(new SlowDown(Duration.ofSeconds(4)), "ok");
		assertThat(this.retry.execute("ctx", call.sync())).isEqualTo("ok");
		assertThat(this.sleeper.waits()).containsExactly(4000 * MS);
	}

	@Test
	void keepsTheBackoffWhenLongerThanTheRetryAfter() throws Throwable {
		ScriptedCall call = ScriptedCall.of(new SlowDown(Duration.ofMillis(200)), "ok");
		assertThat(this.retry.execute("ctx", call.sync())).isEqualTo("ok");
		assertThat(this.sleeper.waits()).containsExactly(1000 * MS);
	}

	@Test
	void ignoresAnUnknownRetryAfter() {
		assertThat(this.retry.onFailedAttempt(1, new SlowDown(null))).isEqualTo(1000 * MS);
	}

	@Test
	void waitsForARetryAfterEqualToTheMaxWait() {
		assertThat(this.retry.onFailedAttempt(1, new SlowDown(Duration.ofSeconds(10)))).isEqualTo(10_000 * MS);
	}

	@Test
	void givesUpWhenTheRetryAfterExceedsTheMaxWait() {
		SlowDown failure = new SlowDown(Duration.ofSeconds(11));
		ScriptedCall call = ScriptedCall.of(failure, "never");
		assertThat(catchThrowable(() -> this.retry.execute("ctx", call.sync()))).isSameAs(failure);
		assertThat(call.calls()).isOne();
		assertThat(this.sleeper.waits()).isEmpty();
		assertThat(this.retry.metrics().failureWithoutRetry()).isOne();
		ResilienceEvent event = this.retry.events().recent().get(0);
		assertThat(event.type()).isEqualTo("ERROR");
		assertThat(event.message())
			.isEqualTo("Attempt 1 of 3 failed; its Retry-After of 11000ms exceeds maxWaitDuration of 10000ms");
	}

	@Test
	void honoursTheRetryAfterSecondsOfAnHttp429() throws Throwable {
		ScriptedCall call = ScriptedCall.of(tooManyRequests("3"), "ok");
		assertThat(this.retry.execute("ctx", call.sync())).isEqualTo("ok");
		assertThat(this.sleeper.waits()).containsExactly(3000 * MS);
	}

	@Test
	void honoursTheRetryAfterDateOfAnHttp429() {
		String inSevenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME
			.format(this.time.now().plusSeconds(7).atZone(ZoneOffset.UTC));
		assertThat(this.retry.onFailedAttempt(1, tooManyRequests(inSevenSeconds))).isEqualTo(7000 * MS);
	}

	@Test
	void givesUpWhenTheRetryAfterOfAnHttp429ExceedsTheMaxWait() {
		HttpClientErrorException failure = tooManyRequests("60");
		ScriptedCall call = ScriptedCall.of(new IOException("first"), failure, "never");
		Throwable thrown = catchThrowable(() -> this.retry.execute("ctx", call.sync()));
		assertThat(thrown).isSameAs(failure);
		assertThat(call.calls()).isEqualTo(2);
		assertThat(this.retry.metrics().failureWithRetry()).isOne();
	}

	@Test
	void honoursTheRetryAfterOfAListedPolicyRejection() {
		Retry listing = new Retry("listing",
				this.retry.config()
					.toBuilder()
					.retryExceptions(ExceptionTypes.of(List.of(OpenRejection.class)))
					.build(),
				ErrorClassifier.defaults(), this.time, this.sleeper, this.scheduler);
		assertThat(listing.onFailedAttempt(1, new OpenRejection(Duration.ofSeconds(5)))).isEqualTo(5000 * MS);
	}

	@Test
	void asyncRetrySchedulesTheRetryAfter() {
		ScriptedCall call = ScriptedCall.of(new SlowDown(Duration.ofSeconds(6)), "ok");
		var result = this.retry.executeAsync("ctx", call.async());
		this.scheduler.runAll();
		assertThat(result).isCompletedWithValue("ok");
		assertThat(this.scheduler.delays()).containsExactly(6000 * MS);
	}

	private static HttpClientErrorException tooManyRequests(String retryAfter) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, retryAfter);
		return HttpClientErrorException.create(HttpStatus.TOO_MANY_REQUESTS, "Too Many Requests", headers, new byte[0],
				StandardCharsets.UTF_8);
	}

	static class SlowDown extends RuntimeException implements RetryAfterAware {

		private final @Nullable Duration retryAfter;

		SlowDown(@Nullable Duration retryAfter) {
			super("slow down");
			this.retryAfter = retryAfter;
		}

		@Override
		public @Nullable Duration getRetryAfter() {
			return this.retryAfter;
		}

	}

	static class OpenRejection extends ResilienceException implements RetryAfterAware {

		private final Duration retryAfter;

		OpenRejection(Duration retryAfter) {
			super("inner", "open", false);
			this.retryAfter = retryAfter;
		}

		@Override
		public boolean isPolicyRejection() {
			return true;
		}

		@Override
		public Duration getRetryAfter() {
			return this.retryAfter;
		}

	}

}
