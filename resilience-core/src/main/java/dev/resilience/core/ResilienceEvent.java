package dev.resilience.core;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Something notable that happened to an instance: a state transition, a retry, an error,
 * a rejection.
 *
 * @param timestamp when it happened
 * @param type what happened, such as {@code STATE_TRANSITION} or {@code RETRY}
 * @param message a human-readable description
 * @param error the class name and message of the error involved, if any
 * @author Resilience
 * @since 0.1.0
 */
public record ResilienceEvent(Instant timestamp, String type, String message, @Nullable String error) {

	/**
	 * Describe a throwable as its class name and message.
	 * @param throwable the throwable
	 * @return its description
	 */
	public static String describe(Throwable throwable) {
		String message = throwable.getMessage();
		return (message != null) ? throwable.getClass().getName() + ": " + message : throwable.getClass().getName();
	}

}
