package dev.resilience.autoconfigure;

import java.time.Duration;
import java.util.List;

import dev.resilience.circuitbreaker.SlidingWindowType;
import org.jspecify.annotations.Nullable;

/**
 * Settings of a circuit-breaker instance. An unset value is inherited from
 * {@code resilience.circuit-breaker.defaults}, and there from the built-in default.
 *
 * @author Resilience
 * @since 0.1.0
 */
public class CircuitBreakerProperties {

	/**
	 * Kind of window over which rates are computed: count (the last N calls) or time (the
	 * calls of the last N seconds).
	 */
	private @Nullable SlidingWindowType slidingWindowType;

	/**
	 * Size of the window: a number of calls, or of seconds for a time window. At least 1.
	 */
	private @Nullable Integer slidingWindowSize;

	/**
	 * Calls the window must hold before rates are computed and the breaker may open. At
	 * least 1.
	 */
	private @Nullable Integer minimumNumberOfCalls;

	/**
	 * Failure rate, in percent, at which the breaker opens. Between 1 and 100.
	 */
	private @Nullable Float failureRateThreshold;

	/**
	 * Duration from which a call counts as slow. Positive.
	 */
	private @Nullable Duration slowCallDurationThreshold;

	/**
	 * Slow-call rate, in percent, at which the breaker opens. Between 1 and 100.
	 */
	private @Nullable Float slowCallRateThreshold;

	/**
	 * How long the breaker stays open before letting trial calls through. Not negative.
	 */
	private @Nullable Duration waitDurationInOpenState;

	/**
	 * Number of trial calls let through when half-open. At least 1.
	 */
	private @Nullable Integer permittedCallsInHalfOpenState;

	/**
	 * Fully qualified exception class names that count as failures, subclasses included.
	 * When set, replaces the default classification: other exceptions count as successes.
	 */
	private @Nullable List<String> recordExceptions;

	/**
	 * Fully qualified exception class names that count neither as failure nor as success.
	 * Wins over record-exceptions.
	 */
	private @Nullable List<String> ignoreExceptions;

	/**
	 * Whether this breaker being OPEN or FORCED_OPEN turns the resilience health DOWN.
	 */
	private @Nullable Boolean healthAffectsStatus;

	public @Nullable SlidingWindowType getSlidingWindowType() {
		return this.slidingWindowType;
	}

	public void setSlidingWindowType(@Nullable SlidingWindowType slidingWindowType) {
		this.slidingWindowType = slidingWindowType;
	}

	public @Nullable Integer getSlidingWindowSize() {
		return this.slidingWindowSize;
	}

	public void setSlidingWindowSize(@Nullable Integer slidingWindowSize) {
		this.slidingWindowSize = slidingWindowSize;
	}

	public @Nullable Integer getMinimumNumberOfCalls() {
		return this.minimumNumberOfCalls;
	}

	public void setMinimumNumberOfCalls(@Nullable Integer minimumNumberOfCalls) {
		this.minimumNumberOfCalls = minimumNumberOfCalls;
	}

	public @Nullable Float getFailureRateThreshold() {
		return this.failureRateThreshold;
	}

	public void setFailureRateThreshold(@Nullable Float failureRateThreshold) {
		this.failureRateThreshold = failureRateThreshold;
	}

	public @Nullable Duration getSlowCallDurationThreshold() {
		return this.slowCallDurationThreshold;
	}

	public void setSlowCallDurationThreshold(@Nullable Duration slowCallDurationThreshold) {
		this.slowCallDurationThreshold = slowCallDurationThreshold;
	}

	public @Nullable Float getSlowCallRateThreshold() {
		return this.slowCallRateThreshold;
	}

	public void setSlowCallRateThreshold(@Nullable Float slowCallRateThreshold) {
		this.slowCallRateThreshold = slowCallRateThreshold;
	}

	public @Nullable Duration getWaitDurationInOpenState() {
		return this.waitDurationInOpenState;
	}

	public void setWaitDurationInOpenState(@Nullable Duration waitDurationInOpenState) {
		this.waitDurationInOpenState = waitDurationInOpenState;
	}

	public @Nullable Integer getPermittedCallsInHalfOpenState() {
		return this.permittedCallsInHalfOpenState;
	}

	public void setPermittedCallsInHalfOpenState(@Nullable Integer permittedCallsInHalfOpenState) {
		this.permittedCallsInHalfOpenState = permittedCallsInHalfOpenState;
	}

	public @Nullable List<String> getRecordExceptions() {
		return this.recordExceptions;
	}

	public void setRecordExceptions(@Nullable List<String> recordExceptions) {
		this.recordExceptions = recordExceptions;
	}

	public @Nullable List<String> getIgnoreExceptions() {
		return this.ignoreExceptions;
	}

	public void setIgnoreExceptions(@Nullable List<String> ignoreExceptions) {
		this.ignoreExceptions = ignoreExceptions;
	}

	public @Nullable Boolean getHealthAffectsStatus() {
		return this.healthAffectsStatus;
	}

	public void setHealthAffectsStatus(@Nullable Boolean healthAffectsStatus) {
		this.healthAffectsStatus = healthAffectsStatus;
	}

}
