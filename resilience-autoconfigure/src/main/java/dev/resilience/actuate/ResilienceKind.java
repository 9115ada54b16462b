package dev.resilience.actuate;

import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One resilience pattern as the {@link ResilienceEndpoint} shows it: its instances'
 * summaries, one instance's details and, for patterns that allow it, changes made by an
 * operator. A pattern plugs into the endpoint by defining a bean of this type.
 *
 * @author Resilience
 * @since 0.1.0
 */
public interface ResilienceKind {

	/**
	 * Return the URL segment of this pattern under the endpoint, such as
	 * {@code circuit-breakers}.
	 * @return the path segment
	 */
	String path();

	/**
	 * Return the key of this pattern in the endpoint's summary, such as
	 * {@code circuitBreakers}.
	 * @return the JSON key
	 */
	String key();

	/**
	 * Return the live state and counters of every instance, keyed by instance name in
	 * name order.
	 * @return the summaries
	 */
	Map<String, Object> summaries();

	/**
	 * Describe one instance: its state, its effective configuration and its recent
	 * events.
	 * @param name the instance name (or another identifier the pattern accepts, such as a
	 * saga execution id)
	 * @return the description, or {@code null} if there is no such instance
	 */
	@Nullable Object describe(String name);

	/**
	 * Apply an operator's change to one instance. Patterns that take no changes keep this
	 * default, which refuses every write.
	 * @param name the instance name (or another identifier the pattern accepts)
	 * @param body the fields of the request body that were present
	 * @return the outcome of the write
	 */
	default WriteResult write(String name, Map<String, Object> body) {
		return WriteResult.badRequest("Instances of " + path() + " cannot be changed through the endpoint");
	}

	/**
	 * Outcome of a {@link ResilienceKind#write write}: a status and the body to answer.
	 *
	 * @param status how the write went
	 * @param body what to answer: the instance's new state, or a message
	 */
	record WriteResult(Status status, Object body) {

		/**
		 * Create a result.
		 * @param status how the write went
		 * @param body what to answer
		 */
		public WriteResult {
			Objects.requireNonNull(status, "status must not be null");
			Objects.requireNonNull(body, "body must not be null");
		}

		/**
		 * Return a successful result.
		 * @param body the instance's new state
		 * @return the result
		 */
		public static WriteResult ok(Object body) {
			return new WriteResult(Status.OK, body);
		}

		/**
		 * Return the result of a request that cannot be applied as sent.
		 * @param message what was wrong with it
		 * @return the result
		 */
		public static WriteResult badRequest(String message) {
			return new WriteResult(Status.BAD_REQUEST, Map.of("message", message));
		}

		/**
		 * Return the result of a request for an instance that does not exist.
		 * @param message what was not found
		 * @return the result
		 */
		public static WriteResult notFound(String message) {
			return new WriteResult(Status.NOT_FOUND, Map.of("message", message));
		}

		/**
		 * How a write went.
		 */
		public enum Status {

			/**
			 * The change was applied.
			 */
			OK,

			/**
			 * The request was invalid or the instance does not take that change.
			 */
			BAD_REQUEST,

			/**
			 * The instance does not exist.
			 */
			NOT_FOUND

		}

	}

}
