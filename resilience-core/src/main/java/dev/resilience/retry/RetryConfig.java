package dev.resilience.retry;

import java.time.Duration;
import java.util.Objects;

import dev.resilience.core.Bound;
import dev.resilience.core.ExceptionTypes;

/**
 * Configuration of a {@link Retry}.
 *
 * @param maxAttempts total number of attempts, including the first one; within
 * {@link #ALLOWED_MAX_ATTEMPTS}
 * @param waitDuration base wait before a retry, from which the backoff grows; within
 * {@link #ALLOWED_WAIT_DURATION}
 * @param backoff how the wait grows from one retry to the next
 * @param multiplier growth factor of {@link Backoff#EXPONENTIAL}; within
 * {@link #ALLOWED_MULTIPLIER}
 * @param maxWaitDuration longest wait before a retry, after backoff and jitter; a
 * {@code Retry-After} longer than this ends the retries; within
 * {@link #ALLOWED_MAX_WAIT_DURATION}
 * @param jitter fraction by which each wait is randomly lengthened or shortened; within
 * {@link #ALLOWED_JITTER}
 * @param retryExceptions when not empty, the only exceptions (and their subtypes) that
 * are retried, in place of the error classifier
 * @param ignoreExceptions exceptions (and their subtypes) that are never retried, even
 * when also listed in {@code retryExceptions}
 * @author Resilience
 * @since 0.1.0
 */
public record RetryConfig(int maxAttempts, Duration waitDuration, Backoff backoff, double multiplier,
		Duration maxWaitDuration, double jitter, ExceptionTypes retryExceptions, ExceptionTypes ignoreExceptions) {

	/**
	 * Default number of attempts.
	 */
	public static final int DEFAULT_MAX_ATTEMPTS = 3;

	/**
	 * Values allowed for {@link #maxAttempts()}.
	 */
	public static final Bound<Integer> ALLOWED_MAX_ATTEMPTS = Bound.atLeast(1);

	/**
	 * Default base wait.
	 */
	public static final Duration DEFAULT_WAIT_DURATION = Duration.ofMillis(500);

	/**
	 * Values allowed for {@link #waitDuration()}.
	 */
	public static final Bound<Duration> ALLOWED_WAIT_DURATION = Bound.notNegative();

	/**
	 * Default backoff.
	 */
	public static final Backoff DEFAULT_BACKOFF = Backoff.EXPONENTIAL;

	/**
	 * Default multiplier.
	 */
	public static final double DEFAULT_MULTIPLIER = 2.0;

	/**
	 * Values allowed for {@link #multiplier()}.
	 */
	public static final Bound<Double> ALLOWED_MULTIPLIER = Bound.atLeast(1.0);

	/**
	 * Default longest wait.
	 */
	public static final Duration DEFAULT_MAX_WAIT_DURATION = Duration.ofSeconds(30);

	/**
	 * Values allowed for {@link #maxWaitDuration()}.
	 */
	public static final Bound<Duration> ALLOWED_MAX_WAIT_DURATION = Bound.notNegative();

	/**
	 * Default jitter.
	 */
	public static final double DEFAULT_JITTER = 0.2;

	/**
	 * Values allowed for {@link #jitter()}.
	 */
	public static final Bound<Double> ALLOWED_JITTER = Bound.between(0.0, 1.0);

	/**
	 * Default exceptions to retry: none listed, the error classifier decides.
	 */
	public static final ExceptionTypes DEFAULT_RETRY_EXCEPTIONS = ExceptionTypes.none();

	/**
	 * Default exceptions to ignore: none.
	 */
	public static final ExceptionTypes DEFAULT_IGNORE_EXCEPTIONS = ExceptionTypes.none();

	private static final RetryConfig DEFAULTS = new RetryConfig(DEFAULT_MAX_ATTEMPTS, DEFAULT_WAIT_DURATION,
			DEFAULT_BACKOFF, DEFAULT_MULTIPLIER, DEFAULT_MAX_WAIT_DURATION, DEFAULT_JITTER, DEFAULT_RETRY_EXCEPTIONS,
			DEFAULT_IGNORE_EXCEPTIONS);

	/**
	 * Validate the configuration.
	 * @throws IllegalArgumentException naming the first invalid value
	 */
	public RetryConfig {
		Objects.requireNonNull(waitDuration, "waitDuration must not be null");
		Objects.requireNonNull(backoff, "backoff must not be null");
		Objects.requireNonNull(maxWaitDuration, "maxWaitDuration must not be null");
		Objects.requireNonNull(retryExceptions, "retryExceptions must not be null");
		Objects.requireNonNull(ignoreExceptions, "ignoreExceptions must not be null");
		ALLOWED_MAX_ATTEMPTS.check("maxAttempts", maxAttempts);
		ALLOWED_WAIT_DURATION.check("waitDuration", waitDuration);
		ALLOWED_MULTIPLIER.check("multiplier", multiplier);
		ALLOWED_MAX_WAIT_DURATION.check("maxWaitDuration", maxWaitDuration);
		ALLOWED_JITTER.check("jitter", jitter);
	}

	/**
	 * Return the default configuration.
	 * @return the defaults
	 */
	public static RetryConfig ofDefaults() {
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
	 * Builds a {@link RetryConfig}; each method sets the component of the same name.
	 */
	public static final class Builder {

		private int maxAttempts;

		private Duration waitDuration;

		private Backoff backoff;

		private double multiplier;

		private Duration maxWaitDuration;

		private double jitter;

		private ExceptionTypes retryExceptions;

		private ExceptionTypes ignoreExceptions;

		private Builder(RetryConfig from) {
			this.maxAttempts = from.maxAttempts;
			this.waitDuration = from.waitDuration;
			this.backoff = from.backoff;
			this.multiplier = from.multiplier;
			this.maxWaitDuration = from.maxWaitDuration;
			this.jitter = from.jitter;
			this.retryExceptions = from.retryExceptions;
			this.ignoreExceptions = from.ignoreExceptions;
		}

		/**
		 * Set the total number of attempts, including the first one.
		 * @param maxAttempts the number of attempts
		 * @return this builder
		 */
		public Builder maxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
			return this;
		}

		/**
		 * Set the base wait before a retry.
		 * @param waitDuration the base wait
		 * @return this builder
		 */
		public Builder waitDuration(Duration waitDuration) {
			this.waitDuration = waitDuration;
			return this;
		}

		/**
		 * Set how the wait grows.
		 * @param backoff the backoff
		 * @return this builder
		 */
		public Builder backoff(Backoff backoff) {
			this.backoff = backoff;
			return this;
		}

		/**
		 * Set the growth factor of the exponential backoff.
		 * @param multiplier the multiplier
		 * @return this builder
		 */
		public Builder multiplier(double multiplier) {
			this.multiplier = multiplier;
			return this;
		}

		/**
		 * Set the longest wait before a retry.
		 * @param maxWaitDuration the longest wait
		 * @return this builder
		 */
		public Builder maxWaitDuration(Duration maxWaitDuration) {
			this.maxWaitDuration = maxWaitDuration;
			return this;
		}

		/**
		 * Set the fraction by which each wait randomly varies.
		 * @param jitter the jitter
		 * @return this builder
		 */
		public Builder jitter(double jitter) {
			this.jitter = jitter;
			return this;
		}

		/**
		 * Set the only exceptions to retry; empty lets the error classifier decide.
		 * @param retryExceptions the exceptions to retry
		 * @return this builder
		 */
		public Builder retryExceptions(ExceptionTypes retryExceptions) {
			this.retryExceptions = retryExceptions;
			return this;
		}

		/**
		 * Set the exceptions never to retry.
		 * @param ignoreExceptions the exceptions to ignore
		 * @return this builder
		 */
		public Builder ignoreExceptions(ExceptionTypes ignoreExceptions) {
			this.ignoreExceptions = ignoreExceptions;
			return this;
		}

		/**
		 * Build the configuration.
		 * @return the configuration
		 * @throws IllegalArgumentException naming the first invalid value
		 */
		public RetryConfig build() {
			return new RetryConfig(this.maxAttempts, this.waitDuration, this.backoff, this.multiplier,
					this.maxWaitDuration, this.jitter, this.retryExceptions, this.ignoreExceptions);
		}

	}

}
