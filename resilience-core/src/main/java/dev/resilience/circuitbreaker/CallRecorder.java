package dev.resilience.circuitbreaker;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import dev.resilience.circuitbreaker.CircuitBreaker.CallObserver;
import dev.resilience.circuitbreaker.CircuitBreaker.Outcome;
import dev.resilience.circuitbreaker.CircuitBreaker.State;
import dev.resilience.core.ErrorClassifier;
import dev.resilience.core.ExceptionTypes;
import dev.resilience.core.internal.Failures;
import dev.resilience.core.ResilienceException;
import org.jspecify.annotations.Nullable;

/**
 * Turns the end of a call into an outcome: classifies its error, tells slow calls apart,
 * records the outcome on the state that admitted the call and tells the observers.
 * Allocates nothing.
 *
 * @author Resilience
 */
final class CallRecorder {

	private static final CallObserver[] NO_OBSERVERS = {};

	private final CircuitStateMachine machine;

	private final ErrorClassifier classifier;

	private final ExceptionTypes recordExceptions;

	private final ExceptionTypes ignoreExceptions;

	private final long slowCallNanos;

	private final AtomicReference<CallObserver[]> observers = new AtomicReference<>(NO_OBSERVERS);

	CallRecorder(CircuitStateMachine machine, CircuitBreakerConfig config, ErrorClassifier classifier) {
		this.machine = machine;
		this.classifier = classifier;
		this.recordExceptions = config.recordExceptions();
		this.ignoreExceptions = config.ignoreExceptions();
		this.slowCallNanos = CircuitStateMachine.saturatedNanos(config.slowCallDurationThreshold());
	}

	void addObserver(CallObserver observer) {
		this.observers.updateAndGet((current) -> {
			CallObserver[] added = Arrays.copyOf(current, current.length + 1);
			added[current.length] = observer;
			return added;
		});
	}

	void rejected() {
		notify(Outcome.NOT_PERMITTED, 0);
	}

	/**
	 * Record how a call guarded by the breaker itself ended. A cancelled call has no
	 * outcome: it only gives back its permission.
	 */
	void completed(CircuitState permit, long durationNanos, @Nullable Throwable error) {
		if (error == null) {
			succeeded(permit, durationNanos);
		}
		else if (Failures.unwrap(error) instanceof CancellationException) {
			this.machine.release(permit);
		}
		else {
			failed(permit, durationNanos, error);
		}
	}

	void succeeded(CircuitState permit, long durationNanos) {
		if (permit.state() == State.DISABLED) {
			return;
		}
		boolean slow = durationNanos >= this.slowCallNanos;
		this.machine.record(permit, false, slow, null);
		notify(slow ? Outcome.SLOW_SUCCESS : Outcome.SUCCESS, durationNanos);
	}

	void failed(CircuitState permit, long durationNanos, Throwable error) {
		if (permit.state() == State.DISABLED) {
			return;
		}
		Throwable failure = Failures.unwrap(error);
		Outcome outcome = classify(failure);
		if (outcome == Outcome.IGNORED) {
			this.machine.release(permit);
			notify(Outcome.IGNORED, durationNanos);
			return;
		}
		boolean failed = outcome == Outcome.FAILURE;
		boolean slow = durationNanos >= this.slowCallNanos;
		this.machine.record(permit, failed, slow, failed ? failure : null);
		if (slow) {
			outcome = failed ? Outcome.SLOW_FAILURE : Outcome.SLOW_SUCCESS;
		}
		notify(outcome, durationNanos);
	}

	/**
	 * Classify an unwrapped error as {@link Outcome#FAILURE}, {@link Outcome#SUCCESS} or
	 * {@link Outcome#IGNORED}.
	 */
	private Outcome classify(Throwable failure) {
		if (this.ignoreExceptions.matches(failure)) {
			return Outcome.IGNORED;
		}
		if (!this.recordExceptions.isEmpty()) {
			return this.recordExceptions.matches(failure) ? Outcome.FAILURE : Outcome.SUCCESS;
		}
		if (failure instanceof ResilienceException rejection && rejection.isPolicyRejection()) {
			return Outcome.IGNORED;
		}
		return this.classifier.isTransient(failure) ? Outcome.FAILURE : Outcome.IGNORED;
	}

	private void notify(Outcome outcome, long durationNanos) {
		// never null: set to an array at construction and only ever updated to another
		for (CallObserver observer : Objects.requireNonNull(this.observers.get())) {
			observer.onCall(outcome, durationNanos);
		}
	}

}
