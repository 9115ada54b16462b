package dev.resilience.actuate;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * {@link Endpoint @Endpoint} that shows every resilience instance and lets an operator
 * change the state of a circuit breaker. Writes are refused unless
 * {@code management.endpoint.resilience.access=unrestricted}.
 * <p>
 * The summary always has the keys {@code circuitBreakers}, {@code retries},
 * {@code rateLimiters}, {@code bulkheads}, {@code timeLimiters} and {@code sagas}, in
 * that order, each an object keyed by instance name; a pattern without a
 * {@link ResilienceKind} bean answers an empty object, and kinds with other keys follow.
 * Details and writes are addressed as {@code {kind}/{name}}, where {@code kind} is a
 * {@link ResilienceKind#path() path} such as {@code circuit-breakers}.
 *
 * @author Resilience
 * @since 0.1.0
 */
@Endpoint(id = "resilience", defaultAccess = Access.READ_ONLY)
public class ResilienceEndpoint {

	private static final List<String> KEYS = List.of("circuitBreakers", "retries", "rateLimiters", "bulkheads",
			"timeLimiters", "sagas");

	private final List<ResilienceKind> kinds;

	private final Map<String, ResilienceKind> kindsByPath = new HashMap<>();

	/**
	 * Create an endpoint showing the given kinds.
	 * @param kinds the kinds, each with its own path and key
	 * @throws IllegalArgumentException if two kinds share a path or a key
	 */
	public ResilienceEndpoint(Collection<? extends ResilienceKind> kinds) {
		this.kinds = List.copyOf(kinds);
		Map<String, ResilienceKind> kindsByKey = new HashMap<>();
		for (ResilienceKind kind : this.kinds) {
			requireUnique(this.kindsByPath, kind.path(), kind, "path");
			requireUnique(kindsByKey, kind.key(), kind, "key");
		}
	}

	private static void requireUnique(Map<String, ResilienceKind> seen, String id, ResilienceKind kind, String what) {
		ResilienceKind other = seen.putIfAbsent(id, kind);
		if (other != null) {
			throw new IllegalArgumentException("Resilience kinds " + other.getClass().getName() + " and "
					+ kind.getClass().getName() + " share the " + what + " '" + id + "'");
		}
	}

	/**
	 * Return the summary of every instance of every pattern.
	 * @return the summaries, keyed by pattern then by instance name
	 */
	@ReadOperation
	public Map<String, Object> resilience() {
		Map<String, Object> summaries = new LinkedHashMap<>();
		for (String key : KEYS) {
			summaries.put(key, Map.of());
		}
		for (ResilienceKind kind : this.kinds) {
			summaries.put(kind.key(), kind.summaries());
		}
		return summaries;
	}

	/**
	 * Describe one instance.
	 * @param kind the pattern's path, such as {@code circuit-breakers}
	 * @param name the instance name
	 * @return the description, or {@code null} (404 over HTTP) if the pattern or the
	 * instance is unknown
	 */
	@ReadOperation
	public @Nullable Object instance(@Selector String kind, @Selector String name) {
		ResilienceKind resilienceKind = this.kindsByPath.get(kind);
		return (resilienceKind != null) ? resilienceKind.describe(name) : null;
	}

	/**
	 * Change one instance, such as the state of a circuit breaker.
	 * @param kind the pattern's path, such as {@code circuit-breakers}
	 * @param name the instance name
	 * @param state the requested state, for patterns that have one
	 * @param action the requested action, for patterns that offer one
	 * @return the instance's new summary (200), or a message: 400 for a bad request or a
	 * pattern that takes no changes, 404 for an unknown pattern or instance
	 */
	@WriteOperation
	public WebEndpointResponse<Object> update(@Selector String kind, @Selector String name, @Nullable String state,
			@Nullable String action) {
		ResilienceKind resilienceKind = this.kindsByPath.get(kind);
		if (resilienceKind == null) {
			return new WebEndpointResponse<>(Map.of("message", "No resilience pattern at '" + kind + "'"),
					WebEndpointResponse.STATUS_NOT_FOUND);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		if (state != null) {
			body.put("state", state);
		}
		if (action != null) {
			body.put("action", action);
		}
		ResilienceKind.WriteResult result = resilienceKind.write(name, body);
		return new WebEndpointResponse<>(result.body(), httpStatus(result.status()));
	}

	private static int httpStatus(ResilienceKind.WriteResult.Status status) {
		return switch (status) {
			case OK -> WebEndpointResponse.STATUS_OK;
			case BAD_REQUEST -> WebEndpointResponse.STATUS_BAD_REQUEST;
			case NOT_FOUND -> WebEndpointResponse.STATUS_NOT_FOUND;
		};
	}

}
