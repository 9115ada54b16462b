package dev.resilience.bulkhead;

import java.time.Duration;
import java.util.Objects;

import dev.resilience.core.Bound;

/**
 * Configuration of a {@link Bulkhead}.
 *
 * @param maxConcurrentCalls how many calls may be inside at once; within
 * {@link #ALLOWED_MAX_CONCURRENT_CALLS}
 * @param maxWaitDuration how long a caller may queue for a slot; zero rejects at once
 * when every slot is taken; within {@link #ALLOWED_MAX_WAIT_DURATION}
 * @author Resilience
 * @since 0.1.0
 */
public record BulkheadConfig(int maxConcurrentCalls, Duration maxWaitDuration) {

	/**
	 * Default number of concurrent calls.
	 */
	public static final int DEFAULT_MAX_CONCURRENT_CALLS = 25;

	/**
	 * Values allowed for {@link #maxConcurrentCalls()}.
	 */
	public static final Bound<Integer> ALLOWED_MAX_CONCURRENT_CALLS = Bound.atLeast(1);

	/**
	 * Default wait for a slot: none.
	 */
	public static final Duration DEFAULT_MAX_WAIT_DURATION = Duration.ZERO;

	/**
	 * Values allowed for {@link #maxWaitDuration()}.
	 */
	public static final Bound<Duration> ALLOWED_MAX_WAIT_DURATION = Bound.notNegative();

	private static final BulkheadConfig DEFAULTS = new BulkheadConfig(DEFAULT_MAX_CONCURRENT_CALLS,
			DEFAULT_MAX_WAIT_DURATION);

	/**
	 * Validate the configuration.
	 * @throws IllegalArgumentException naming the first invalid value
	 */
	public BulkheadConfig {
		Objects.requireNonNull(maxWaitDuration, "maxWaitDuration must not be null");
		ALLOWED_MAX_CONCURRENT_CALLS.check("maxConcurrentCalls", maxConcurrentCalls);
		ALLOWED_MAX_WAIT_DURATION.check("maxWaitDuration", maxWaitDuration);
	}

	/**
	 * Return the default configuration.
	 * @return the defaults
	 */
	public static BulkheadConfig ofDefaults() {
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
	 * Builds a {@link BulkheadConfig}; each method sets the component of the same name.
	 */
	public static final class Builder {

		private int maxConcurrentCalls;

		private Duration maxWaitDuration;

		private Builder(BulkheadConfig from) {
			this.maxConcurrentCalls = from.maxConcurrentCalls;
			this.maxWaitDuration = from.maxWaitDuration;
		}

		/**
		 * Set how many calls may be inside at once.
		 * @param maxConcurrentCalls the number of slots
		 * @return this builder
		 */
		public Builder maxConcurrentCalls(int maxConcurrentCalls) {
			this.maxConcurrentCalls = maxConcurrentCalls;
			return this;
		}

		/**
		 * Set how long a caller may queue for a slot.
		 * @param maxWaitDuration the longest wait
		 * @return this builder
		 */
		public Builder maxWaitDuration(Duration maxWaitDuration) {
			this.maxWaitDuration = maxWaitDuration;
			return this;
		}

		/**
		 * Build the configuration.
		 * @return the configuration
		 * @throws IllegalArgumentException naming the first invalid value
		 */
		public BulkheadConfig build() {
			return new BulkheadConfig(this.maxConcurrentCalls, this.maxWaitDuration);
		}

	}

}
