package dev.resilience.timelimiter;

import java.time.Duration;
import java.util.Objects;

import dev.resilience.core.ResilienceException;

/**
 * Thrown when a call guarded by a time limiter does not complete within its timeout, or
 * cannot start because no thread is free to run it. Created under load, so it carries no
 * stack trace.
 *
 * @author Resilience
 * @since 0.1.0
 */
public final class TimeLimitExceededException extends ResilienceException {

	private final Duration timeout;

	/**
	 * Create an exception for a call that timed out.
	 * @param instanceName the name of the time limiter
	 * @param timeout the timeout the call exceeded
	 */
	public TimeLimitExceededException(String instanceName, Duration timeout) {
		this(instanceName, timeout,
				"TimeLimiter '" + instanceName + "' timed out the call after " + TimeLimiter.format(timeout));
	}

	/**
	 * Create an exception with a message of its own.
	 * @param instanceName the name of the time limiter
	 * @param timeout the timeout of the time limiter
	 * @param message the message
	 */
	public TimeLimitExceededException(String instanceName, Duration timeout, String message) {
		super(instanceName, message, false);
		this.timeout = Objects.requireNonNull(timeout, "timeout must not be null");
	}

	/**
	 * Return the timeout of the time limiter that rejected the call.
	 * @return the timeout
	 */
	public Duration getTimeout() {
		return this.timeout;
	}

	/**
	 * A time-out says that the downstream is slow, so retries retry it and circuit
	 * breakers record it, as any transient failure.
	 * @return {@code false}
	 */
	@Override
	public boolean isPolicyRejection() {
		return false;
	}

}
