package dev.resilience.timelimiter;

import java.time.Duration;
import java.util.Objects;

import dev.resilience.core.Bound;

/**
 * Configuration of a {@link TimeLimiter}.
 *
 * @param timeout how long a call may take before it fails with a
 * {@link TimeLimitExceededException}; within {@link #ALLOWED_TIMEOUT}
 * @param cancelRunning whether a call that times out is cancelled: a synchronous call's
 * thread is interrupted and an asynchronous call's stage cancelled. When {@code false}
 * the call runs on to its end and its outcome is discarded
 * @author Resilience
 * @since 0.1.0
 */
public record TimeLimiterConfig(Duration timeout, boolean cancelRunning) {

	/**
	 * Default timeout.
	 */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);

	/**
	 * Values allowed for {@link #timeout()}.
	 */
	public static final Bound<Duration> ALLOWED_TIMEOUT = Bound.positive();

	/**
	 * Default for cancelling a call that times out.
	 */
	public static final boolean DEFAULT_CANCEL_RUNNING = true;

	private static final TimeLimiterConfig DEFAULTS = new TimeLimiterConfig(DEFAULT_TIMEOUT, DEFAULT_CANCEL_RUNNING);

	/**
	 * Validate the configuration.
	 * @throws IllegalArgumentException naming the invalid value
	 */
	public TimeLimiterConfig {
		Objects.requireNonNull(timeout, "timeout must not be null");
		ALLOWED_TIMEOUT.check("timeout", timeout);
	}

	/**
	 * Return the default configuration.
	 * @return the defaults
	 */
	public static TimeLimiterConfig ofDefaults() {
		return DEFAULTS;
	}

	/**
	 * Return a builder that starts from the defaults.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder(DEFAULTS);
	}

	/**
	 * Return a builder that starts from this configuration.
	 * @return a new builder
	 */
	public Builder toBuilder() {
		return new Builder(this);
	}

	/**
	 * Builds a {@link TimeLimiterConfig}; each method sets the component of the same
	 * name.
	 */
	public static final class Builder {

		private Duration timeout;

		private boolean cancelRunning;

		private Builder(TimeLimiterConfig from) {
			this.timeout = from.timeout;
			this.cancelRunning = from.cancelRunning;
		}

		/**
		 * Set how long a call may take.
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder timeout(Duration timeout) {
			this.timeout = timeout;
			return this;
		}

		/**
		 * Set whether a call that times out is cancelled.
		 * @param cancelRunning whether to cancel
		 * @return this builder
		 */
		public Builder cancelRunning(boolean cancelRunning) {
			this.cancelRunning = cancelRunning;
			return this;
		}

		/**
		 * Build the configuration.
		 * @return the configuration
		 * @throws IllegalArgumentException naming the invalid value
		 */
		public TimeLimiterConfig build() {
			return new TimeLimiterConfig(this.timeout, this.cancelRunning);
		}

	}

}
