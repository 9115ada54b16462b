package dev.resilience.circuitbreaker;

import java.time.Duration;
import java.util.Objects;

import dev.resilience.core.Bound;
import dev.resilience.core.ExceptionTypes;

/**
 * Settings of one circuit breaker, validated when created.
 *
 * @param slidingWindowType whether the window counts calls or seconds
 * @param slidingWindowSize number of calls, or of seconds, in the window; within
 * {@link #ALLOWED_SLIDING_WINDOW_SIZE}
 * @param minimumNumberOfCalls number of calls the window must hold before the breaker may
 * open (a count window never waits for more than its size); within
 * {@link #ALLOWED_MINIMUM_NUMBER_OF_CALLS}
 * @param failureRateThreshold percentage of failed calls that opens the breaker; within
 * {@link #ALLOWED_FAILURE_RATE_THRESHOLD}
 * @param slowCallDurationThreshold duration from which a call is slow; within
 * {@link #ALLOWED_SLOW_CALL_DURATION_THRESHOLD}
 * @param slowCallRateThreshold percentage of slow calls that opens the breaker; within
 * {@link #ALLOWED_SLOW_CALL_RATE_THRESHOLD}
 * @param waitDurationInOpenState how long the breaker stays open before it lets trial
 * calls through; within {@link #ALLOWED_WAIT_DURATION_IN_OPEN_STATE}
 * @param permittedCallsInHalfOpenState number of trial calls when half-open; within
 * {@link #ALLOWED_PERMITTED_CALLS_IN_HALF_OPEN_STATE}
 * @param recordExceptions when not empty, the only exceptions (and subtypes) recorded as
 * failures, any other counting as a success
 * @param ignoreExceptions exceptions (and subtypes) recorded neither as failures nor as
 * successes, whatever the other settings say
 * @param healthAffectsStatus whether the breaker being open or forced open turns the
 * application's health down
 * @author Resilience
 * @since 0.1.0
 */
public record CircuitBreakerConfig(SlidingWindowType slidingWindowType, int slidingWindowSize, int minimumNumberOfCalls,
		float failureRateThreshold, Duration slowCallDurationThreshold, float slowCallRateThreshold,
		Duration waitDurationInOpenState, int permittedCallsInHalfOpenState, ExceptionTypes recordExceptions,
		ExceptionTypes ignoreExceptions, boolean healthAffectsStatus) {

	/**
	 * Default {@link #slidingWindowType()}.
	 */
	public static final SlidingWindowType DEFAULT_SLIDING_WINDOW_TYPE = SlidingWindowType.COUNT;

	/**
	 * Default {@link #slidingWindowSize()}.
	 */
	public static final int DEFAULT_SLIDING_WINDOW_SIZE = 100;

	/**
	 * Values allowed for {@link #slidingWindowSize()}.
	 */
	public static final Bound<Integer> ALLOWED_SLIDING_WINDOW_SIZE = Bound.atLeast(1);

	/**
	 * Default {@link #minimumNumberOfCalls()}.
	 */
	public static final int DEFAULT_MINIMUM_NUMBER_OF_CALLS = 20;

	/**
	 * Values allowed for {@link #minimumNumberOfCalls()}.
	 */
	public static final Bound<Integer> ALLOWED_MINIMUM_NUMBER_OF_CALLS = Bound.atLeast(1);

	/**
	 * Default {@link #failureRateThreshold()}.
	 */
	public static final float DEFAULT_FAILURE_RATE_THRESHOLD = 50;

	/**
	 * Values allowed for {@link #failureRateThreshold()}.
	 */
	public static final Bound<Float> ALLOWED_FAILURE_RATE_THRESHOLD = Bound.between(1f, 100f);

	/**
	 * Default {@link #slowCallDurationThreshold()}.
	 */
	public static final Duration DEFAULT_SLOW_CALL_DURATION_THRESHOLD = Duration.ofSeconds(60);

	/**
	 * Values allowed for {@link #slowCallDurationThreshold()}.
	 */
	public static final Bound<Duration> ALLOWED_SLOW_CALL_DURATION_THRESHOLD = Bound.positive();

	/**
	 * Default {@link #slowCallRateThreshold()}.
	 */
	public static final float DEFAULT_SLOW_CALL_RATE_THRESHOLD = 100;

	/**
	 * Values allowed for {@link #slowCallRateThreshold()}.
	 */
	public static final Bound<Float> ALLOWED_SLOW_CALL_RATE_THRESHOLD = Bound.between(1f, 100f);

	/**
	 * Default {@link #waitDurationInOpenState()}.
	 */
	public static final Duration DEFAULT_WAIT_DURATION_IN_OPEN_STATE = Duration.ofSeconds(60);

	/**
	 * Values allowed for {@link #waitDurationInOpenState()}.
	 */
	public static final Bound<Duration> ALLOWED_WAIT_DURATION_IN_OPEN_STATE = Bound.notNegative();

	/**
	 * Default {@link #permittedCallsInHalfOpenState()}.
	 */
	public static final int DEFAULT_PERMITTED_CALLS_IN_HALF_OPEN_STATE = 5;

	/**
	 * Values allowed for {@link #permittedCallsInHalfOpenState()}.
	 */
	public static final Bound<Integer> ALLOWED_PERMITTED_CALLS_IN_HALF_OPEN_STATE = Bound.atLeast(1);

	/**
	 * Default {@link #recordExceptions()}: none, so the error classifier decides.
	 */
	public static final ExceptionTypes DEFAULT_RECORD_EXCEPTIONS = ExceptionTypes.none();

	/**
	 * Default {@link #ignoreExceptions()}: none.
	 */
	public static final ExceptionTypes DEFAULT_IGNORE_EXCEPTIONS = ExceptionTypes.none();

	/**
	 * Default {@link #healthAffectsStatus()}.
	 */
	public static final boolean DEFAULT_HEALTH_AFFECTS_STATUS = false;

	/**
	 * Validate the settings.
	 * @throws IllegalArgumentException naming the first invalid setting and its value
	 * @throws NullPointerException if a setting is {@code null}
	 */
	public CircuitBreakerConfig {
		Objects.requireNonNull(slidingWindowType, "slidingWindowType must not be null");
		Objects.requireNonNull(slowCallDurationThreshold, "slowCallDurationThreshold must not be null");
		Objects.requireNonNull(waitDurationInOpenState, "waitDurationInOpenState must not be null");
		Objects.requireNonNull(recordExceptions, "recordExceptions must not be null");
		Objects.requireNonNull(ignoreExceptions, "ignoreExceptions must not be null");
		ALLOWED_SLIDING_WINDOW_SIZE.check("slidingWindowSize", slidingWindowSize);
		ALLOWED_MINIMUM_NUMBER_OF_CALLS.check("minimumNumberOfCalls", minimumNumberOfCalls);
		ALLOWED_FAILURE_RATE_THRESHOLD.check("failureRateThreshold", failureRateThreshold);
		ALLOWED_SLOW_CALL_RATE_THRESHOLD.check("slowCallRateThreshold", slowCallRateThreshold);
		ALLOWED_SLOW_CALL_DURATION_THRESHOLD.check("slowCallDurationThreshold", slowCallDurationThreshold);
		ALLOWED_WAIT_DURATION_IN_OPEN_STATE.check("waitDurationInOpenState", waitDurationInOpenState);
		ALLOWED_PERMITTED_CALLS_IN_HALF_OPEN_STATE.check("permittedCallsInHalfOpenState",
				permittedCallsInHalfOpenState);
	}

	/**
	 * Return the default settings.
	 * @return a config with every {@code DEFAULT_*} value
	 */
	public static CircuitBreakerConfig ofDefaults() {
		return builder().build();
	}

	/**
	 * Return a builder starting from the default settings.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return a builder starting from these settings.
	 * @return a new builder
	 */
	public Builder toBuilder() {
		return new Builder().slidingWindowType(this.slidingWindowType)
			.slidingWindowSize(this.slidingWindowSize)
			.minimumNumberOfCalls(this.minimumNumberOfCalls)
			.failureRateThreshold(this.failureRateThreshold)
			.slowCallDurationThreshold(this.slowCallDurationThreshold)
			.slowCallRateThreshold(this.slowCallRateThreshold)
			.waitDurationInOpenState(this.waitDurationInOpenState)
			.permittedCallsInHalfOpenState(this.permittedCallsInHalfOpenState)
			.recordExceptions(this.recordExceptions)
			.ignoreExceptions(this.ignoreExceptions)
			.healthAffectsStatus(this.healthAffectsStatus);
	}

	/**
	 * Builds a {@link CircuitBreakerConfig}; values are validated by {@link #build()}.
	 */
	public static final class Builder {

		private SlidingWindowType slidingWindowType = DEFAULT_SLIDING_WINDOW_TYPE;

		private int slidingWindowSize = DEFAULT_SLIDING_WINDOW_SIZE;

		private int minimumNumberOfCalls = DEFAULT_MINIMUM_NUMBER_OF_CALLS;

		private float failureRateThreshold = DEFAULT_FAILURE_RATE_THRESHOLD;

		private Duration slowCallDurationThreshold = DEFAULT_SLOW_CALL_DURATION_THRESHOLD;

		private float slowCallRateThreshold = DEFAULT_SLOW_CALL_RATE_THRESHOLD;

		private Duration waitDurationInOpenState = DEFAULT_WAIT_DURATION_IN_OPEN_STATE;

		private int permittedCallsInHalfOpenState = DEFAULT_PERMITTED_CALLS_IN_HALF_OPEN_STATE;

		private ExceptionTypes recordExceptions = DEFAULT_RECORD_EXCEPTIONS;

		private ExceptionTypes ignoreExceptions = DEFAULT_IGNORE_EXCEPTIONS;

		private boolean healthAffectsStatus = DEFAULT_HEALTH_AFFECTS_STATUS;

		private Builder() {
		}

		/**
		 * Set the {@link CircuitBreakerConfig#slidingWindowType() sliding window type}.
		 * @param slidingWindowType the type
		 * @return this builder
		 */
		public Builder slidingWindowType(SlidingWindowType slidingWindowType) {
			this.slidingWindowType = slidingWindowType;
			return this;
		}

		/**
		 * Set the {@link CircuitBreakerConfig#slidingWindowSize() sliding window size}.
		 * @param slidingWindowSize the size, in calls or seconds
		 * @return this builder
		 */
		public Builder slidingWindowSize(int slidingWindowSize) {
			this.slidingWindowSize = slidingWindowSize;
			return this;
		}

		/**
		 * Set the {@link CircuitBreakerConfig#minimumNumberOfCalls() minimum number of
		 * calls}.
		 * @param minimumNumberOfCalls the minimum
		 * @return this builder
		 */
		public Builder minimumNumberOfCalls(int minimumNumberOfCalls) {
			this.minimumNumberOfCalls = minimumNumberOfCalls;
			return this;
		}

		/**
		 * Set the {@link CircuitBreakerConfig#failureRateThreshold() failure rate
		 * threshold}.
		 * @param failureRateThreshold the threshold in percent
		 * @return this builder
		 */
		public Builder failureRateThreshold(float failureRateThreshold) {
			this.failureRateThreshold = failureRateThreshold;
			return this;
		}

		/**
		 * Set the {@link CircuitBreakerConfig#slowCallDurationThreshold() slow call
		 * duration threshold}.
		 * @param slowCallDurationThreshold the duration from which a call is slow
		 * @return this builder
		 */
		public Builder slowCallDurationThreshold(Duration slowCallDurationThreshold) {
			this.slowCallDurationThreshold = slowCallDurationThreshold;
			return this;
		}

		/**
		 * Set the {@link CircuitBreakerConfig#slowCallRateThreshold() slow call rate
		 * threshold}.
		 * @param slowCallRateThreshold the threshold in percent
		 * @return this builder
		 */
		public Builder slowCallRateThreshold(float slowCallRateThreshold) {
			this.slowCallRateThreshold = slowCallRateThreshold;
			return this;
		}

		/**
		 * Set the {@link CircuitBreakerConfig#waitDurationInOpenState() wait duration in
		 * open state}.
		 * @param waitDurationInOpenState how long to stay open
		 * @return this builder
		 */
		public Builder waitDurationInOpenState(Duration waitDurationInOpenState) {
			this.waitDurationInOpenState = waitDurationInOpenState;
			return this;
		}

		/**
		 * Set the {@link CircuitBreakerConfig#permittedCallsInHalfOpenState() number of
		 * trial calls}.
		 * @param permittedCallsInHalfOpenState the number of trial calls
		 * @return this builder
		 */
		public Builder permittedCallsInHalfOpenState(int permittedCallsInHalfOpenState) {
			this.permittedCallsInHalfOpenState = permittedCallsInHalfOpenState;
			return this;
		}

		/**
		 * Set the {@link CircuitBreakerConfig#recordExceptions() exceptions recorded as
		 * failures}.
		 * @param recordExceptions the exception types
		 * @return this builder
		 */
		public Builder recordExceptions(ExceptionTypes recordExceptions) {
			this.recordExceptions = recordExceptions;
			return this;
		}

		/**
		 * Set the {@link CircuitBreakerConfig#ignoreExceptions() exceptions ignored}.
		 * @param ignoreExceptions the exception types
		 * @return this builder
		 */
		public Builder ignoreExceptions(ExceptionTypes ignoreExceptions) {
			this.ignoreExceptions = ignoreExceptions;
			return this;
		}

		/**
		 * Set {@link CircuitBreakerConfig#healthAffectsStatus() whether health is
		 * affected}.
		 * @param healthAffectsStatus whether an open breaker turns the health down
		 * @return this builder
		 */
		public Builder healthAffectsStatus(boolean healthAffectsStatus) {
			this.healthAffectsStatus = healthAffectsStatus;
			return this;
		}

		/**
		 * Build the config.
		 * @return the validated config
		 * @throws IllegalArgumentException naming the first invalid setting and its value
		 */
		public CircuitBreakerConfig build() {
			return new CircuitBreakerConfig(this.slidingWindowType, this.slidingWindowSize, this.minimumNumberOfCalls,
					this.failureRateThreshold, this.slowCallDurationThreshold, this.slowCallRateThreshold,
					this.waitDurationInOpenState, this.permittedCallsInHalfOpenState, this.recordExceptions,
					this.ignoreExceptions, this.healthAffectsStatus);
		}

	}

}
