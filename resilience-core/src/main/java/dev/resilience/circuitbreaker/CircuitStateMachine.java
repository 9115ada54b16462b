package dev.resilience.circuitbreaker;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import dev.resilience.circuitbreaker.CircuitBreaker.State;
import dev.resilience.circuitbreaker.CircuitState.Closed;
import dev.resilience.circuitbreaker.CircuitState.HalfOpen;
import dev.resilience.circuitbreaker.CircuitState.Manual;
import dev.resilience.circuitbreaker.CircuitState.Open;
import dev.resilience.circuitbreaker.HalfOpenTrial.Verdict;
import dev.resilience.core.EventBuffer;
import dev.resilience.core.ResilienceEvent;
import dev.resilience.core.TimeSource;
import org.jspecify.annotations.Nullable;

/**
 * The states of a circuit breaker and the moves between them. Lock-free: the current
 * state is an immutable {@link CircuitState} swapped by compare-and-set, and admitting a
 * call while closed reads one reference.
 *
 * @author Resilience
 */
final class CircuitStateMachine implements CircuitBreakerMetrics {

	static final String STATE_TRANSITION = "STATE_TRANSITION";

	private final String name;

	private final CircuitBreakerConfig config;

	private final TimeSource clock;

	private final EventBuffer events;

	private final long waitNanos;

	private final AtomicReference<CircuitState> current;

	private final AtomicLong notPermitted = new AtomicLong();

	CircuitStateMachine(String name, CircuitBreakerConfig config, TimeSource clock, EventBuffer events) {
		this.name = name;
		this.config = config;
		this.clock = clock;
		this.events = events;
		this.waitNanos = saturatedNanos(config.waitDurationInOpenState());
		this.current = new AtomicReference<>(closed());
	}

	static long saturatedNanos(Duration duration) {
		try {
			return duration.toNanos();
		}
		catch (ArithmeticException ex) {
			return Long.MAX_VALUE;
		}
	}

	CircuitState current() {
		// never null: set at construction, then only compared-and-set to other states
		return Objects.requireNonNull(this.current.get());
	}

	/**
	 * Admit a call, moving from open to half-open first if the wait is over.
	 * @return the state that admitted the call, or {@code null} if it was rejected
	 */
	@Nullable CircuitState tryAcquire() {
		return admit(false);
	}

	/**
	 * Admit a call, moving from open to half-open first if the wait is over.
	 * @return the state that admitted the call
	 * @throws CircuitBreakerOpenException if it was rejected
	 */
	CircuitState acquire() {
		CircuitState state = admit(true);
		Objects.requireNonNull(state);
		return state;
	}

	private @Nullable CircuitState admit(boolean throwIfRejected) {
		for (;;) {
			CircuitState state = current();
			if (state instanceof Closed || state.state() == State.DISABLED) {
				return state;
			}
			if (state instanceof HalfOpen halfOpen && halfOpen.trial().tryAcquire()) {
				return state;
			}
			if (state instanceof Open open && remainingNanos(open) <= 0) {
				transition(open, new HalfOpen(HalfOpenTrial.of(this.config)), null);
				continue;
			}
			this.notPermitted.incrementAndGet();
			if (throwIfRejected) {
				throw rejection(state);
			}
			return null;
		}
	}

	private long remainingNanos(Open open) {
		long elapsed = this.clock.nanoTime() - open.openedAt();
		return (elapsed >= this.waitNanos) ? 0 : this.waitNanos - elapsed;
	}

	private CircuitBreakerOpenException rejection(CircuitState state) {
		Duration retryAfter = (state instanceof Open open) ? Duration.ofNanos(remainingNanos(open)) : null;
		return new CircuitBreakerOpenException(this.name, state.state(), retryAfter);
	}

	/**
	 * Record the outcome of a call on the state that admitted it.
	 * @param permit the state that admitted the call
	 * @param failure whether the call failed
	 * @param slow whether the call was slow
	 * @param error the failure, named on the transition it causes, if any
	 */
	void record(CircuitState permit, boolean failure, boolean slow, @Nullable Throwable error) {
		if (permit instanceof Closed closed) {
			if (closed.window().record(failure, slow)) {
				transition(closed, open(closed.window()), error);
			}
		}
		else if (permit instanceof HalfOpen halfOpen) {
			Verdict verdict = halfOpen.trial().record(failure, slow);
			if (verdict == Verdict.REOPEN) {
				transition(halfOpen, open(halfOpen.trial()), error);
			}
			else if (verdict == Verdict.CLOSE) {
				transition(halfOpen, closed(), null);
			}
		}
	}

	/**
	 * Free the trial slot of a call that ended without an outcome to record.
	 * @param permit the state that admitted the call
	 */
	void release(CircuitState permit) {
		if (permit instanceof HalfOpen halfOpen) {
			halfOpen.trial().release();
		}
	}

	/**
	 * Move to the given state by hand; moving to the current state changes nothing.
	 * @param target any state but {@link State#HALF_OPEN}
	 */
	void transitionTo(State target) {
		Objects.requireNonNull(target, "state must not be null");
		if (target == State.HALF_OPEN) {
			throw new IllegalArgumentException("CircuitBreaker '" + this.name
					+ "' cannot be moved to HALF_OPEN by hand: it gets there by itself once "
					+ "waitDurationInOpenState has passed");
		}
		for (;;) {
			CircuitState state = current();
			if (state.state() == target) {
				return;
			}
			CircuitState next = switch (target) {
				case CLOSED -> closed();
				case OPEN -> open(state.stats());
				default -> new Manual(target, state.stats().snapshot());
			};
			if (transition(state, next, null)) {
				return;
			}
		}
	}

	private Closed closed() {
		return new Closed(SlidingWindow.of(this.config, this.clock));
	}

	private Open open(CallStats stats) {
		return new Open(this.clock.nanoTime(), stats.snapshot());
	}

	private boolean transition(CircuitState from, CircuitState to, @Nullable Throwable cause) {
		if (!this.current.compareAndSet(from, to)) {
			return false;
		}
		String message = from.state() + " -> " + to.state();
		String error = (cause != null) ? ResilienceEvent.describe(cause) : null;
		this.events.add(new ResilienceEvent(this.clock.now(), STATE_TRANSITION, message, error));
		return true;
	}

	@Override
	public float failureRate() {
		return current().stats().failureRate();
	}

	@Override
	public float slowCallRate() {
		return current().stats().slowCallRate();
	}

	@Override
	public int bufferedCalls() {
		return current().stats().bufferedCalls();
	}

	@Override
	public int failedCalls() {
		return current().stats().failedCalls();
	}

	@Override
	public int slowCalls() {
		return current().stats().slowCalls();
	}

	@Override
	public int successfulCalls() {
		return current().stats().successfulCalls();
	}

	@Override
	public long notPermittedCalls() {
		return this.notPermitted.get();
	}

}
