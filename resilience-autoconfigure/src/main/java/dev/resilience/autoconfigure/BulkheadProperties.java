package dev.resilience.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Settings of a bulkhead instance. An unset value is inherited from
 * {@code resilience.bulkhead.defaults}, and there from the built-in default.
 *
 * @author Resilience
 * @since 0.1.0
 */
public class BulkheadProperties {

	/**
	 * Most calls inside at once. At least 1.
	 */
	private @Nullable Integer maxConcurrentCalls;

	/**
	 * Longest a caller queues for a slot, first come first served; 0 rejects at once when
	 * full. Not negative.
	 */
	private @Nullable Duration maxWaitDuration;

	public @Nullable Integer getMaxConcurrentCalls() {
		return this.maxConcurrentCalls;
	}

	public void setMaxConcurrentCalls(@Nullable Integer maxConcurrentCalls) {
		this.maxConcurrentCalls = maxConcurrentCalls;
	}

	public @Nullable Duration getMaxWaitDuration() {
		return this.maxWaitDuration;
	}

	public void setMaxWaitDuration(@Nullable Duration maxWaitDuration) {
		this.maxWaitDuration = maxWaitDuration;
	}

}
