package dev.resilience.ratelimiter;

import java.time.Duration;
import java.util.Objects;

import dev.resilience.core.internal.Durations;
import dev.resilience.core.ResilienceException;
import dev.resilience.core.RetryAfterAware;

/**
 * Thrown when a rate limiter has no permit for a call within its timeout, or cannot track
 * the call's key. Created under load, so it carries no stack trace.
 *
 * @author Resilience
 * @since 0.1.0
 */
public final class RateLimitExceededException extends ResilienceException implements RetryAfterAware {

	private final Duration retryAfter;

	/**
	 * Create an exception for a call that found no permit.
	 * @param instanceName the name of the rate limiter
	 * @param retryAfter the time until a permit would be available
	 */
	public RateLimitExceededException(String instanceName, Duration retryAfter) {
		this(instanceName,
				"RateLimiter '" + instanceName + "' has no permit available; the next one is in "
						+ Durations.describe(Objects.requireNonNull(retryAfter, "retryAfter must not be null")),
				retryAfter);
	}

	private RateLimitExceededException(String instanceName, String message, Duration retryAfter) {
		super(instanceName, message, false);
		this.retryAfter = retryAfter;
	}

	/**
	 * Create an exception for a call whose key is new while the limiter tracks as many
	 * keys as it may, none of them idle. No permit is on its way: the call waits for
	 * room, which comes only when a live key's bucket is full again and a sweep drops it.
	 * @param instanceName the name of the rate limiter
	 * @param maxKeys the cap on live keys
	 * @param retryAfter the time until a sweep may find a live key's bucket idle
	 * @return the exception
	 */
	static RateLimitExceededException keyCapReached(String instanceName, int maxKeys, Duration retryAfter) {
		return new RateLimitExceededException(instanceName, "RateLimiter '" + instanceName + "' tracks its maximum of "
				+ maxKeys + " keys and rejects new ones; retry after " + Durations.describe(retryAfter), retryAfter);
	}

	/**
	 * Create an exception for a caller interrupted while it waited for its permit.
	 * @param instanceName the name of the rate limiter
	 * @param wait the wait that was interrupted
	 * @return the exception
	 */
	static RateLimitExceededException interrupted(String instanceName, Duration wait) {
		return new RateLimitExceededException(instanceName, "RateLimiter '" + instanceName
				+ "' was interrupted while waiting " + Durations.describe(wait) + " for a permit", wait);
	}

	/**
	 * Return the time until a permit would be available or, for a new key rejected
	 * because the limiter tracks its maximum number of keys, until one of them may be
	 * idle and dropped to make room: the earliest time a call is worth trying again.
	 * @return the wait, never {@code null}
	 */
	@Override
	public Duration getRetryAfter() {
		return this.retryAfter;
	}

	/**
	 * An exhausted rate limit says nothing about the downstream's health: retries do not
	 * retry it and circuit breakers do not record it, unless configured to.
	 * @return {@code true}
	 */
	@Override
	public boolean isPolicyRejection() {
		return true;
	}

}
