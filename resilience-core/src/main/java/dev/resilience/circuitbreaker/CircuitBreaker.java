package dev.resilience.circuitbreaker;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import dev.resilience.core.CheckedFunction;
import dev.resilience.core.ErrorClassifier;
import dev.resilience.core.EventBuffer;
import dev.resilience.core.internal.LinkedFuture;
import dev.resilience.core.TimeSource;
import org.jspecify.annotations.Nullable;

/**
 * Stops calling a downstream that keeps failing or answering slowly, then lets a few
 * trial calls through to learn whether it has recovered.
 * <p>
 * While {@link State#CLOSED closed}, calls pass and their outcomes fill a sliding window;
 * once the window holds at least {@code minimumNumberOfCalls} and the failure rate or the
 * slow-call rate reaches its threshold, the breaker opens. While {@link State#OPEN open}
 * it rejects every call with a {@link CircuitBreakerOpenException}; the first call after
 * {@code waitDurationInOpenState} moves it to {@link State#HALF_OPEN half-open}, which
 * admits exactly {@code permittedCallsInHalfOpenState} trial calls and, by the same
 * thresholds taken over all of them, reopens or closes as soon as the outcome is certain.
 * Closing starts an empty window. {@link State#FORCED_OPEN} and {@link State#DISABLED}
 * are only entered and left by hand.
 * <p>
 * An error counts as a failure, a success, or neither (ignored): {@code ignoreExceptions}
 * are ignored, whatever else applies; a non-empty {@code recordExceptions} makes those
 * failures and anything else a success; otherwise policy rejections (such as a rate
 * limiter's) and errors the {@link ErrorClassifier} calls permanent are ignored, and
 * transient ones are failures. A call lasting {@code slowCallDurationThreshold} or more
 * is slow, whatever its outcome. Ignored calls are not buffered.
 * <p>
 * Guard a call with {@link #execute} or {@link #executeAsync}, or by hand: acquire a
 * permission, time the call on {@link #nanoTime()}, then report exactly one of
 * {@link #onSuccess}, {@link #onError} or {@link #releasePermission()}.
 * <p>
 * Thread-safe, without {@code synchronized}: states are swapped by compare-and-set, a
 * count-based window records calls without a lock, and a permitted call while closed
 * allocates nothing.
 *
 * @author Resilience
 * @since 0.1.0
 */
public final class CircuitBreaker {

	private final String name;

	private final CircuitBreakerConfig config;

	private final TimeSource clock;

	private final EventBuffer events = new EventBuffer();

	private final CircuitStateMachine machine;

	private final CallRecorder recorder;

	/**
	 * Create a circuit breaker.
	 * @param name the instance name
	 * @param config its settings
	 * @param classifier tells transient errors from permanent ones
	 * @param timeSource the clock that times calls and the open state
	 */
	public CircuitBreaker(String name, CircuitBreakerConfig config, ErrorClassifier classifier, TimeSource timeSource) {
		this.name = Objects.requireNonNull(name, "name must not be null");
		this.config = Objects.requireNonNull(config, "config must not be null");
		Objects.requireNonNull(classifier, "classifier must not be null");
		this.clock = Objects.requireNonNull(timeSource, "timeSource must not be null");
		this.machine = new CircuitStateMachine(name, config, timeSource, this.events);
		this.recorder = new CallRecorder(this.machine, config, classifier);
	}

	/**
	 * Create a circuit breaker with the default error classifier and the system clock.
	 * @param name the instance name
	 * @param config its settings
	 * @return the circuit breaker
	 */
	public static CircuitBreaker of(String name, CircuitBreakerConfig config) {
		return new CircuitBreaker(name, config, ErrorClassifier.defaults(), TimeSource.system());
	}

	/**
	 * Return the instance name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Return the settings.
	 * @return the config
	 */
	public CircuitBreakerConfig config() {
		return this.config;
	}

	/**
	 * Return the current state. An open breaker whose wait is over still reports
	 * {@link State#OPEN} until the next call moves it to half-open.
	 * @return the state
	 */
	public State state() {
		return this.machine.current().state();
	}

	/**
	 * Return the recent events: every state transition as {@code STATE_TRANSITION} with a
	 * message such as {@code "CLOSED -> OPEN"}, naming the error that caused it when a
	 * failure did.
	 * @return the event buffer
	 */
	public EventBuffer events() {
		return this.events;
	}

	/**
	 * Return the live metrics.
	 * @return a view that always reads the current numbers
	 */
	public CircuitBreakerMetrics metrics() {
		return this.machine;
	}

	/**
	 * Add an observer told the outcome and duration of every call, rejections included.
	 * Observers run on the caller's thread, must be quick and must not throw. A disabled
	 * breaker records nothing and tells no observer.
	 * @param observer the observer
	 */
	public void addCallObserver(CallObserver observer) {
		Objects.requireNonNull(observer, "observer must not be null");
		this.recorder.addObserver(observer);
	}

	/**
	 * Return the time on the breaker's clock, to time calls reported by hand.
	 * @return the monotonic time in nanoseconds
	 */
	public long nanoTime() {
		return this.clock.nanoTime();
	}

	/**
	 * Ask to make a call. A rejection is counted and reported as
	 * {@link Outcome#NOT_PERMITTED}.
	 * @return whether the call may proceed
	 */
	public boolean tryAcquirePermission() {
		if (this.machine.tryAcquire() != null) {
			return true;
		}
		this.recorder.rejected();
		return false;
	}

	/**
	 * Ask to make a call. A rejection is counted and reported as
	 * {@link Outcome#NOT_PERMITTED}.
	 * @throws CircuitBreakerOpenException if the call may not proceed
	 */
	public void acquirePermission() {
		acquire();
	}

	private CircuitState acquire() {
		try {
			return this.machine.acquire();
		}
		catch (CircuitBreakerOpenException ex) {
			this.recorder.rejected();
			throw ex;
		}
	}

	/**
	 * Report that a permitted call ended with no outcome to record, for example because
	 * it was cancelled; while half-open, this frees its trial slot.
	 */
	public void releasePermission() {
		this.machine.release(this.machine.current());
	}

	/**
	 * Report that a permitted call succeeded.
	 * @param durationNanos how long it took
	 */
	public void onSuccess(long durationNanos) {
		this.recorder.succeeded(this.machine.current(), durationNanos);
	}

	/**
	 * Report that a permitted call failed; the error decides whether it counts as a
	 * failure, a success, or neither.
	 * @param durationNanos how long it took
	 * @param error what it threw, possibly wrapped in a {@code CompletionException} or
	 * {@code ExecutionException}
	 */
	public void onError(long durationNanos, Throwable error) {
		this.recorder.failed(this.machine.current(), durationNanos, error);
	}

	/**
	 * Make a call if permitted, and record its outcome. A call that throws a
	 * {@link CancellationException} has no outcome: it only gives back its permission.
	 * @param <C> the context type
	 * @param <R> the result type
	 * @param context what the call needs, passed to it
	 * @param call the call
	 * @return the call's result
	 * @throws CircuitBreakerOpenException if the call is not permitted
	 * @throws Throwable whatever the call throws
	 */
	public <C, R> @Nullable R execute(C context, CheckedFunction<C, R> call) throws Throwable {
		CircuitState permit = acquire();
		long start = this.clock.nanoTime();
		R result;
		try {
			result = call.apply(context);
		}
		catch (Throwable ex) {
			this.recorder.completed(permit, this.clock.nanoTime() - start, ex);
			throw ex;
		}
		this.recorder.completed(permit, this.clock.nanoTime() - start, null);
		return result;
	}

	/**
	 * Start an asynchronous call if permitted, and record its outcome when its stage
	 * completes. Never throws: a rejection, or an exception thrown by the call itself,
	 * comes back as a failed future. A stage that completes with a
	 * {@link CancellationException} has no outcome: it only gives back its permission.
	 * @param <C> the context type
	 * @param <R> the result type
	 * @param context what the call needs, passed to it
	 * @param call the call, returning the stage of its result
	 * @return a future completed like the call's stage, after its outcome is recorded
	 */
	public <C, R> CompletableFuture<R> executeAsync(C context, CheckedFunction<C, ? extends CompletionStage<R>> call) {
		CircuitState permit;
		try {
			permit = acquire();
		}
		catch (CircuitBreakerOpenException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		long start = this.clock.nanoTime();
		CompletionStage<R> stage;
		try {
			stage = Objects.requireNonNull(call.apply(context), "call must not return null");
		}
		catch (Throwable ex) {
			this.recorder.completed(permit, this.clock.nanoTime() - start, ex);
			return CompletableFuture.failedFuture(ex);
		}
		LinkedFuture<R> result = new LinkedFuture<>();
		result.follow(stage);
		stage.whenComplete((value, error) -> {
			try {
				this.recorder.completed(permit, this.clock.nanoTime() - start, error);
			}
			finally {
				// the caller gets its result even if an observer misbehaves
				if (error != null) {
					result.completeExceptionally(error);
				}
				else {
					result.complete(value);
				}
			}
		});
		return result;
	}

	/**
	 * Move to the given state by hand, recording a {@code STATE_TRANSITION} event. Moving
	 * to {@link State#CLOSED} starts an empty window; moving to the current state changes
	 * nothing.
	 * @param state {@link State#CLOSED}, {@link State#OPEN}, {@link State#FORCED_OPEN} or
	 * {@link State#DISABLED}
	 * @throws IllegalArgumentException for {@link State#HALF_OPEN}, which the breaker
	 * only enters by itself
	 */
	public void transitionTo(State state) {
		this.machine.transitionTo(state);
	}

	@Override
	public String toString() {
		return "CircuitBreaker '" + this.name + "' (" + state() + ")";
	}

	/**
	 * States of a circuit breaker.
	 */
	public enum State {

		/**
		 * Calls pass and their outcomes are recorded.
		 */
		CLOSED,

		/**
		 * Calls are rejected until {@code waitDurationInOpenState} has passed.
		 */
		OPEN,

		/**
		 * A limited number of trial calls pass and decide whether to close or reopen.
		 */
		HALF_OPEN,

		/**
		 * Set by hand: every call is rejected until the state is changed by hand.
		 */
		FORCED_OPEN,

		/**
		 * Set by hand: every call passes and nothing is recorded until the state is
		 * changed by hand.
		 */
		DISABLED

	}

	/**
	 * What became of a call, as told to {@link CallObserver observers}.
	 */
	public enum Outcome {

		/**
		 * Succeeded, or failed with an error that counts as a success, in time.
		 */
		SUCCESS,

		/**
		 * Failed with an error recorded as a failure, in time.
		 */
		FAILURE,

		/**
		 * Counted as a success, but slow.
		 */
		SLOW_SUCCESS,

		/**
		 * Counted as a failure, and slow.
		 */
		SLOW_FAILURE,

		/**
		 * Rejected by the circuit breaker, never started.
		 */
		NOT_PERMITTED,

		/**
		 * Failed with an error that counts as neither success nor failure.
		 */
		IGNORED

	}

	/**
	 * Told about every call of a circuit breaker, for example to time calls by outcome.
	 */
	@FunctionalInterface
	public interface CallObserver {

		/**
		 * Called once per call, on the caller's thread, after its outcome is recorded.
		 * @param outcome what became of the call
		 * @param durationNanos how long it took, {@code 0} when it was not permitted
		 */
		void onCall(Outcome outcome, long durationNanos);

	}

}
