package dev.resilience.saga;

import java.time.Duration;
import java.util.Objects;

import dev.resilience.core.Bound;

/**
 * How a failing compensation is retried before its saga is marked
 * {@link SagaState#FAILED}.
 *
 * @param maxAttempts the attempts per step, including the first; within
 * {@link #ALLOWED_MAX_ATTEMPTS}
 * @param waitDuration the wait between two attempts; within
 * {@link #ALLOWED_WAIT_DURATION}
 * @author Resilience
 * @since 0.1.0
 */
public record CompensationRetryConfig(int maxAttempts, Duration waitDuration) {

	/**
	 * Default attempts per step, including the first.
	 */
	public static final int DEFAULT_MAX_ATTEMPTS = 5;

	/**
	 * Values allowed for {@link #maxAttempts()}.
	 */
	public static final Bound<Integer> ALLOWED_MAX_ATTEMPTS = Bound.atLeast(1);

	/**
	 * Default wait between two attempts.
	 */
	public static final Duration DEFAULT_WAIT_DURATION = Duration.ofSeconds(1);

	/**
	 * Values allowed for {@link #waitDuration()}.
	 */
	public static final Bound<Duration> ALLOWED_WAIT_DURATION = Bound.notNegative();

	private static final CompensationRetryConfig DEFAULTS = new CompensationRetryConfig(DEFAULT_MAX_ATTEMPTS,
			DEFAULT_WAIT_DURATION);

	/**
	 * Create a configuration, checking its values.
	 * @param maxAttempts the attempts per step
	 * @param waitDuration the wait between two attempts
	 * @throws IllegalArgumentException naming the first invalid value
	 */
	public CompensationRetryConfig {
		Objects.requireNonNull(waitDuration, "waitDuration must not be null");
		ALLOWED_MAX_ATTEMPTS.check("maxAttempts", maxAttempts);
		ALLOWED_WAIT_DURATION.check("waitDuration", waitDuration);
	}

	/**
	 * Return the default configuration: {@link #DEFAULT_MAX_ATTEMPTS} attempts,
	 * {@link #DEFAULT_WAIT_DURATION} apart.
	 * @return the defaults
	 */
	public static CompensationRetryConfig ofDefaults() {
		return DEFAULTS;
	}

}
