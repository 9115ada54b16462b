package dev.resilience.core.internal;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import dev.resilience.core.RetryAfterAware;
import org.jspecify.annotations.Nullable;

/**
 * What the engines read off a failure: the real cause behind async wrappers, an HTTP
 * status and a {@code Retry-After}. Spring's HTTP client exceptions are recognised by
 * class name so that spring-web stays optional.
 *
 * @author Resilience
 * @since 0.1.0
 */
public final class Failures {

	private static final String REST_CLIENT_RESPONSE_EXCEPTION = "org.springframework.web.client.RestClientResponseException";

	private static final String WEB_CLIENT_RESPONSE_EXCEPTION = "org.springframework.web.reactive.function.client.WebClientResponseException";

	private static final ClassValue<HttpAccessors> HTTP_ACCESSORS = new ClassValue<>() {

		@Override
		protected HttpAccessors computeValue(Class<?> type) {
			return HttpAccessors.of(type);
		}

	};

	private Failures() {
	}

	/**
	 * Return the failure behind {@link CompletionException} and
	 * {@link ExecutionException} wrappers.
	 * @param failure a failure
	 * @return its real cause
	 */
	public static Throwable unwrap(Throwable failure) {
		Throwable current = failure;
		while ((current instanceof CompletionException || current instanceof ExecutionException)
				&& current.getCause() != null) {
			current = current.getCause();
		}
		return current;
	}

	/**
	 * Return the HTTP status a failure carries.
	 * @param failure a failure
	 * @return the status code, or {@code 0} if it carries none
	 */
	public static int httpStatus(Throwable failure) {
		HttpAccessors accessors = HTTP_ACCESSORS.get(failure.getClass());
		return (accessors != HttpAccessors.NONE) ? accessors.status(failure) : 0;
	}

	/**
	 * Return how long the failure asks to wait before trying again: from
	 * {@link RetryAfterAware} or from an HTTP {@code Retry-After} header, in seconds or
	 * as an HTTP date.
	 * @param failure a failure
	 * @param now the current time, to turn a date into a wait
	 * @return the wait, or {@code null} if the failure carries none
	 */
	public static @Nullable Duration retryAfter(Throwable failure, ZonedDateTime now) {
		if (failure instanceof RetryAfterAware aware) {
			return aware.getRetryAfter();
		}
		HttpAccessors accessors = HTTP_ACCESSORS.get(failure.getClass());
		if (accessors == HttpAccessors.NONE) {
			return null;
		}
		String header = accessors.retryAfterHeader(failure);
		return (header != null) ? parseRetryAfter(header.trim(), now) : null;
	}

	static @Nullable Duration parseRetryAfter(String value, ZonedDateTime now) {
		try {
			long seconds = Long.parseLong(value);
			return (seconds >= 0) ? Duration.ofSeconds(seconds) : null;
		}
		catch (NumberFormatException ex) {
			try {
				ZonedDateTime date = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
				Duration wait = Duration.between(now, date);
				return wait.isNegative() ? Duration.ZERO : wait;
			}
			catch (DateTimeParseException notADate) {
				return null;
			}
		}
	}

	/**
	 * Reflective access to the status and headers of Spring's HTTP client exceptions,
	 * found once per exception class.
	 */
	private static final class HttpAccessors {

		static final HttpAccessors NONE = new HttpAccessors(null, null);

		private final @Nullable Method statusCode;

		private final @Nullable Method headers;

		private HttpAccessors(@Nullable Method statusCode, @Nullable Method headers) {
			this.statusCode = statusCode;
			this.headers = headers;
		}

		static HttpAccessors of(Class<?> type) {
			for (Class<?> candidate = type; candidate != null; candidate = candidate.getSuperclass()) {
				String name = candidate.getName();
				if (REST_CLIENT_RESPONSE_EXCEPTION.equals(name)) {
					return new HttpAccessors(method(candidate, "getStatusCode"),
							method(candidate, "getResponseHeaders"));
				}
				if (WEB_CLIENT_RESPONSE_EXCEPTION.equals(name)) {
					return new HttpAccessors(method(candidate, "getStatusCode"), method(candidate, "getHeaders"));
				}
			}
			return NONE;
		}

		private static @Nullable Method method(Class<?> type, String name) {
			try {
				return type.getMethod(name);
			}
			catch (NoSuchMethodException ex) {
				return null;
			}
		}

		int status(Throwable failure) {
			try {
				Method accessor = this.statusCode;
				Object code = (accessor != null) ? accessor.invoke(failure) : null;
				if (accessor == null || code == null) {
					return 0;
				}
				// look the accessor up on the declared type (HttpStatusCode): the runtime
				// class of an unusual status is not public
				Object value = accessor.getReturnType().getMethod("value").invoke(code);
				return (value instanceof Integer status) ? status : 0;
			}
			catch (ReflectiveOperationException | RuntimeException ex) {
				return 0;
			}
		}

		@Nullable String retryAfterHeader(Throwable failure) {
			try {
				Object headers = (this.headers != null) ? this.headers.invoke(failure) : null;
				if (headers == null) {
					return null;
				}
				Object value = headers.getClass().getMethod("getFirst", String.class).invoke(headers, "Retry-After");
				return (value instanceof String header) ? header : null;
			}
			catch (ReflectiveOperationException | RuntimeException ex) {
				return null;
			}
		}

	}

}
