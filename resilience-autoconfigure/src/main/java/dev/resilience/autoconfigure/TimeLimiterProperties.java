package dev.resilience.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Settings of a time-limiter instance. An unset value is inherited from
 * {@code resilience.time-limiter.defaults}, and there from the built-in default.
 *
 * @author Resilience
 * @since 0.1.0
 */
public class TimeLimiterProperties {

	/**
	 * Longest a call may take. Positive.
	 */
	private @Nullable Duration timeout;

	/**
	 * Whether a call past its timeout is cancelled (a synchronous call's thread is
	 * interrupted).
	 */
	private @Nullable Boolean cancelRunning;

	public @Nullable Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(@Nullable Duration timeout) {
		this.timeout = timeout;
	}

	public @Nullable Boolean getCancelRunning() {
		return this.cancelRunning;
	}

	public void setCancelRunning(@Nullable Boolean cancelRunning) {
		this.cancelRunning = cancelRunning;
	}

}
