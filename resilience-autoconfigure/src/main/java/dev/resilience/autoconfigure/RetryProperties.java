package dev.resilience.autoconfigure;

import java.time.Duration;
import java.util.List;

import dev.resilience.retry.Backoff;
import org.jspecify.annotations.Nullable;

/**
 * Settings of a retry instance. An unset value is inherited from
 * {@code resilience.retry.defaults}, and there from the built-in default.
 *
 * @author Resilience
 * @since 0.1.0
 */
public class RetryProperties {

	/**
	 * Total number of attempts, including the first. At least 1.
	 */
	private @Nullable Integer maxAttempts;

	/**
	 * Wait before the first retry, the base of the backoff. Not negative.
	 */
	private @Nullable Duration waitDuration;

	/**
	 * How waits grow between attempts: fixed (always wait-duration), linear
	 * (wait-duration times the attempt number) or exponential (wait-duration times
	 * multiplier to the power of attempt number minus one).
	 */
	private @Nullable Backoff backoff;

	/**
	 * Growth factor of exponential backoff. At least 1.0.
	 */
	private @Nullable Double multiplier;

	/**
	 * Longest wait between two attempts, whatever the backoff, jitter or Retry-After
	 * says; a Retry-After beyond it ends the retries. Not negative.
	 */
	private @Nullable Duration maxWaitDuration;

	/**
	 * Random spread of each wait, as a fraction: 0.2 varies a wait by up to 20% either
	 * way. Between 0 and 1.
	 */
	private @Nullable Double jitter;

	/**
	 * Fully qualified exception class names to retry, subclasses included. When set,
	 * replaces the default classification: only these are retried.
	 */
	private @Nullable List<String> retryExceptions;

	/**
	 * Fully qualified exception class names never to retry, subclasses included. Wins
	 * over retry-exceptions.
	 */
	private @Nullable List<String> ignoreExceptions;

	public @Nullable Integer getMaxAttempts() {
		return this.maxAttempts;
	}

	public void setMaxAttempts(@Nullable Integer maxAttempts) {
		this.maxAttempts = maxAttempts;
	}

	public @Nullable Duration getWaitDuration() {
		return this.waitDuration;
	}

	public void setWaitDuration(@Nullable Duration waitDuration) {
		this.waitDuration = waitDuration;
	}

	public @Nullable Backoff getBackoff() {
		return this.backoff;
	}

	public void setBackoff(@Nullable Backoff backoff) {
		this.backoff = backoff;
	}

	public @Nullable Double getMultiplier() {
		return this.multiplier;
	}

	public void setMultiplier(@Nullable Double multiplier) {
		this.multiplier = multiplier;
	}

	public @Nullable Duration getMaxWaitDuration() {
		return this.maxWaitDuration;
	}

	public void setMaxWaitDuration(@Nullable Duration maxWaitDuration) {
		this.maxWaitDuration = maxWaitDuration;
	}

	public @Nullable Double getJitter() {
		return this.jitter;
	}

	public void setJitter(@Nullable Double jitter) {
		this.jitter = jitter;
	}

	public @Nullable List<String> getRetryExceptions() {
		return this.retryExceptions;
	}

	public void setRetryExceptions(@Nullable List<String> retryExceptions) {
		this.retryExceptions = retryExceptions;
	}

	public @Nullable List<String> getIgnoreExceptions() {
		return this.ignoreExceptions;
	}

	public void setIgnoreExceptions(@Nullable List<String> ignoreExceptions) {
		this.ignoreExceptions = ignoreExceptions;
	}

}
