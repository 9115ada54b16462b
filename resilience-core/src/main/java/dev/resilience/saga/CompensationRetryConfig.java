package dev.resilience.saga;

import java.time.Duration;
import java.util.Objects;

/**
 * How a failing compensation is retried before its saga is marked
 * {@link SagaState#FAILED}.
 *
 * @param maxAttempts the attempts per step, including the first
 * @param waitDuration the wait between two attempts
 * @author Resilience
 * @since 0.1.0
 */
public record CompensationRetryConfig(int maxAttempts, Duration waitDuration) {

	/**
	 * Default attempts per step, including the first.
	 */
	public static final int DEFAULT_MAX_ATTEMPTS = 5;

	/**
	 * Default wait between two attempts.
	 */
	public static final Duration DEFAULT_WAIT_DURATION = Duration.ofSeconds(1);

	private static final CompensationRetryConfig DEFAULTS = new CompensationRetryConfig(DEFAULT_MAX_ATTEMPTS,
			DEFAULT_WAIT_DURATION);

	/**
	 * Create a configuration, checking its values.
	 * @param maxAttempts the attempts per step, at least 1
	 * @param waitDuration the wait between two attempts, not negative
	 */
	public CompensationRetryConfig {
		Objects.requireNonNull(waitDuration, "waitDuration must not be null");
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("maxAttempts must be at least 1, but was " + maxAttempts);
		}
		if (waitDuration.isNegative()) {
			throw new IllegalArgumentException("waitDuration must not be negative, but was " + waitDuration);
		}
	}

	/**
	 * Return the default configuration: 5 attempts, 1s apart.
	 * @return the defaults
	 */
	public static CompensationRetryConfig ofDefaults() {
		return DEFAULTS;
	}

}
