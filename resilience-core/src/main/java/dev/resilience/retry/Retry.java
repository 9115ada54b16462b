package dev.resilience.retry;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import dev.resilience.core.CheckedFunction;
import dev.resilience.core.ContextPropagator;
import dev.resilience.core.ErrorClassifier;
import dev.resilience.core.EventBuffer;
import dev.resilience.core.internal.Failures;
import dev.resilience.core.ResilienceException;
import dev.resilience.core.Scheduler;
import dev.resilience.core.Sleeper;
import dev.resilience.core.TimeSource;
import org.jspecify.annotations.Nullable;

/**
 * Calls an operation again when it fails with an error worth retrying, waiting longer
 * after each failure, until it succeeds or the attempts run out.
 * <p>
 * {@link #execute} and {@link #executeAsync} run the whole loop. Callers that drive their
 * own loop (an aspect, a reactive operator) use {@link #onFailedAttempt} and
 * {@link #onSuccess}, which decide, count and record exactly as the loop does. An
 * instance is safe to share between concurrent calls.
 * <p>
 * A failure is retried when {@link #shouldRetry} says so, the attempts are not exhausted,
 * and any {@code Retry-After} it carries fits within the maximum wait. The wait is that
 * of the {@link Backoff}, capped at the maximum wait, varied by the jitter, capped again,
 * and lengthened to the {@code Retry-After} if that is longer.
 * <p>
 * {@link #close()} ends every wait: a call waiting for its next attempt fails at once
 * with its last failure, and no call makes another attempt, so that nothing runs against
 * an application that is shutting down.
 *
 * @author Resilience
 * @since 0.1.0
 */
public final class Retry {

	private static final long NO_RETRY = -1;

	private final String name;

	private final RetryConfig config;

	private final ErrorClassifier classifier;

	private final TimeSource timeSource;

	private final Sleeper sleeper;

	private final Scheduler scheduler;

	private final RetryDelays delays;

	private final RetryRecorder recorder;

	private final ContextPropagator propagator;

	private final Set<AsyncRetry<?, ?>> waiting = ConcurrentHashMap.newKeySet();

	private volatile boolean closed;

	/**
	 * Create a retry.
	 * @param name the instance name
	 * @param config the configuration
	 * @param classifier decides which failures are transient
	 * @param timeSource stamps events and turns a {@code Retry-After} date into a wait
	 * @param sleeper waits between synchronous attempts
	 * @param scheduler schedules asynchronous attempts after their wait
	 */
	public Retry(String name, RetryConfig config, ErrorClassifier classifier, TimeSource timeSource, Sleeper sleeper,
			Scheduler scheduler) {
		this(name, config, classifier, timeSource, sleeper, scheduler, ContextPropagator.none());
	}

	/**
	 * Create a retry that runs the later attempts of an asynchronous call within the
	 * caller's context.
	 * @param name the instance name
	 * @param config the configuration
	 * @param classifier decides which failures are transient
	 * @param timeSource stamps events and turns a {@code Retry-After} date into a wait
	 * @param sleeper waits between synchronous attempts
	 * @param scheduler schedules asynchronous attempts after their wait
	 * @param propagator carries the caller's context into asynchronous attempts after the
	 * first
	 */
	public Retry(String name, RetryConfig config, ErrorClassifier classifier, TimeSource timeSource, Sleeper sleeper,
			Scheduler scheduler, ContextPropagator propagator) {
		this.propagator = Objects.requireNonNull(propagator, "propagator must not be null");
		this.name = Objects.requireNonNull(name, "name must not be null");
		this.config = Objects.requireNonNull(config, "config must not be null");
		this.classifier = Objects.requireNonNull(classifier, "classifier must not be null");
		this.timeSource = Objects.requireNonNull(timeSource, "timeSource must not be null");
		this.sleeper = Objects.requireNonNull(sleeper, "sleeper must not be null");
		this.scheduler = Objects.requireNonNull(scheduler, "scheduler must not be null");
		this.delays = new RetryDelays(config);
		this.recorder = new RetryRecorder(timeSource);
	}

	/**
	 * Create a retry with the default error classifier, the system clock, the thread's
	 * own sleep, and {@link Scheduler#commonPool()} to schedule asynchronous attempts.
	 * @param name the instance name
	 * @param config the configuration
	 * @return the retry
	 */
	public static Retry of(String name, RetryConfig config) {
		return new Retry(name, config, ErrorClassifier.defaults(), TimeSource.system(), Sleeper.system(),
				Scheduler.commonPool());
	}

	/**
	 * Return the instance name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Return the configuration.
	 * @return the configuration
	 */
	public RetryConfig config() {
		return this.config;
	}

	/**
	 * Return the recent events: retries, successes after a retry, final failures.
	 * @return the event buffer
	 */
	public EventBuffer events() {
		return this.recorder.events();
	}

	/**
	 * Return the call counters by outcome.
	 * @return the metrics
	 */
	public RetryMetrics metrics() {
		return this.recorder;
	}

	/**
	 * Whether a failure is worth another attempt, leaving attempts and waits aside. In
	 * order: an {@code ignoreExceptions} match is not retried, nor is an
	 * {@link InterruptedException}; a non-empty {@code retryExceptions} retries only its
	 * types; a policy rejection ({@link ResilienceException#isPolicyRejection()}) is not
	 * retried; anything else is retried if the classifier calls it transient.
	 * @param failure the failure, possibly wrapped in a {@code CompletionException} or
	 * {@code ExecutionException}
	 * @return {@code true} if it may be retried
	 */
	public boolean shouldRetry(Throwable failure) {
		Throwable cause = Failures.unwrap(failure);
		if (this.config.ignoreExceptions().matches(cause) || cause instanceof InterruptedException) {
			return false;
		}
		if (!this.config.retryExceptions().isEmpty()) {
			return this.config.retryExceptions().matches(cause);
		}
		if (cause instanceof ResilienceException rejection && rejection.isPolicyRejection()) {
			return false;
		}
		return this.classifier.isTransient(cause);
	}

	/**
	 * Decide what follows a failed attempt. When another attempt follows, a
	 * {@link RetryEventType#RETRY} event is recorded; when none does, the call's outcome
	 * is counted and an event recorded, so the caller only has to rethrow.
	 * @param attempt the 1-based number of the attempt that failed
	 * @param failure its failure
	 * @return how long to wait before the next attempt, in nanoseconds, or {@code -1} if
	 * there is none
	 */
	public long onFailedAttempt(int attempt, Throwable failure) {
		if (attempt < 1) {
			throw new IllegalArgumentException("attempt must be at least 1, but was " + attempt);
		}
		Throwable cause = Failures.unwrap(failure);
		if (!shouldRetry(cause)) {
			giveUp(attempt, cause, RetryEventType.IGNORED_ERROR,
					"Attempt " + attempt + " failed with an error that is not retried");
			return NO_RETRY;
		}
		int maxAttempts = this.config.maxAttempts();
		if (attempt >= maxAttempts) {
			giveUp(attempt, cause, RetryEventType.ERROR,
					"Attempt " + attempt + " of " + maxAttempts + " failed; no attempts left");
			return NO_RETRY;
		}
		long wait = this.delays.delayNanos(attempt, jitterSample());
		Duration retryAfter = Failures.retryAfter(cause,
				ZonedDateTime.ofInstant(this.timeSource.now(), ZoneOffset.UTC));
		if (retryAfter != null) {
			long retryAfterNanos = RetryDelays.toNanos(retryAfter);
			if (retryAfterNanos > this.delays.maxWaitNanos()) {
				giveUp(attempt, cause, RetryEventType.ERROR,
						"Attempt " + attempt + " of " + maxAttempts + " failed; its Retry-After of "
								+ millis(retryAfterNanos) + " exceeds maxWaitDuration of "
								+ millis(this.delays.maxWaitNanos()));
				return NO_RETRY;
			}
			wait = Math.max(wait, retryAfterNanos);
		}
		this.recorder.retrying("Attempt " + attempt + " of " + maxAttempts + " failed; retrying in " + millis(wait),
				cause);
		return wait;
	}

	/**
	 * Count a call that succeeded.
	 * @param attempt the 1-based number of the attempt that succeeded
	 */
	public void onSuccess(int attempt) {
		this.recorder.succeeded(attempt);
	}

	/**
	 * Run a call, retrying it on the calling thread. When it fails for good, its last
	 * failure is rethrown as it was thrown, with the failures of the earlier attempts
	 * attached as suppressed exceptions. If the thread is interrupted while waiting, the
	 * interrupt flag is restored and the last failure rethrown, the
	 * {@link InterruptedException} suppressed on it.
	 * @param <C> the context type
	 * @param <R> the result type
	 * @param context the context handed to each attempt
	 * @param call the call
	 * @return the result of the first attempt that succeeds
	 * @throws Throwable the last failure
	 */
	public <C, R> @Nullable R execute(C context, CheckedFunction<C, R> call) throws Throwable {
		List<Throwable> earlier = null;
		for (int attempt = 1;; attempt++) {
			try {
				R result = call.apply(context);
				onSuccess(attempt);
				return result;
			}
			catch (Throwable failure) {
				long wait = onFailedAttempt(attempt, failure);
				if (wait < 0) {
					throw SuppressedFailures.attach(failure, earlier);
				}
				if (this.closed) {
					giveUp(attempt, Failures.unwrap(failure), RetryEventType.ERROR, closedMessage(attempt));
					SuppressedFailures.attach(failure, earlier).addSuppressed(closedException(attempt));
					throw failure;
				}
				try {
					if (wait > 0) {
						this.sleeper.sleep(wait);
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					giveUp(attempt, Failures.unwrap(failure), RetryEventType.ERROR,
							"Interrupted while waiting to retry after attempt " + attempt);
					SuppressedFailures.attach(failure, earlier).addSuppressed(ex);
					throw failure;
				}
				earlier = SuppressedFailures.add(earlier, failure);
			}
		}
	}

	/**
	 * Run an asynchronous call, scheduling each retry after its wait instead of blocking
	 * a thread. Never throws: a call that throws instead of returning a stage counts as a
	 * failed attempt. The returned future fails with the last failure, unwrapped from
	 * {@code CompletionException}, the earlier failures suppressed on it. Cancelling it
	 * stops further attempts.
	 * @param <C> the context type
	 * @param <R> the result type
	 * @param context the context handed to each attempt
	 * @param call the call, returning the stage of one attempt
	 * @return the future of the first attempt that succeeds
	 */
	public <C, R> CompletableFuture<R> executeAsync(C context, CheckedFunction<C, ? extends CompletionStage<R>> call) {
		AsyncRetry<C, R> retry = new AsyncRetry<>(this, context, call, this.scheduler, this.propagator);
		retry.run();
		return retry.result();
	}

	/**
	 * Count a call that failed for good and record why.
	 * @param attempt the number of its last attempt
	 * @param cause its last failure
	 * @param type the event type
	 * @param message the event message
	 */
	void giveUp(int attempt, Throwable cause, RetryEventType type, String message) {
		this.recorder.failed(attempt, type, message, cause);
	}

	/**
	 * Stop retrying: calls waiting for their next attempt fail at once with their last
	 * failure, and no call starts another attempt. Calls already running finish their
	 * attempt. Idempotent.
	 */
	public void close() {
		this.closed = true;
		for (AsyncRetry<?, ?> call : this.waiting) {
			if (this.waiting.remove(call)) {
				call.abort();
			}
		}
	}

	/**
	 * Register an asynchronous call that is about to wait for its next attempt.
	 * @param call the call
	 * @return {@code false} if the retry is closed, and the call must give up instead
	 */
	boolean beginWait(AsyncRetry<?, ?> call) {
		if (this.closed) {
			return false;
		}
		this.waiting.add(call);
		return !this.closed || !this.waiting.remove(call);
	}

	/**
	 * Take a call's wait over, for its next attempt.
	 * @param call the call
	 * @return {@code false} if {@link #close()} took it over first
	 */
	boolean endWait(AsyncRetry<?, ?> call) {
		return this.waiting.remove(call);
	}

	String closedMessage(int attempt) {
		return "Stopped retrying after attempt " + attempt + ": retry '" + this.name + "' was closed";
	}

	IllegalStateException closedException(int attempt) {
		return new IllegalStateException(closedMessage(attempt) + ", as its application shuts down");
	}

	private double jitterSample() {
		return this.delays.hasJitter() ? ThreadLocalRandom.current().nextDouble(-1.0, 1.0) : 0.0;
	}

	private static String millis(long nanos) {
		return TimeUnit.NANOSECONDS.toMillis(nanos) + "ms";
	}

	@Override
	public String toString() {
		return "Retry[" + this.name + "]";
	}

}
