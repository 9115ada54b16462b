package dev.resilience.circuitbreaker;

import dev.resilience.circuitbreaker.CircuitBreaker.State;

/**
 * Immutable holder of a circuit breaker's current state. The breaker swaps holders by
 * compare-and-set, so exactly one thread performs any given transition; a call keeps the
 * holder that admitted it, and an outcome recorded on a holder that was replaced in the
 * meantime can no longer move the breaker.
 *
 * @author Resilience
 */
sealed interface CircuitState {

	State state();

	/**
	 * Return the outcomes this state reports as metrics.
	 * @return the call statistics
	 */
	CallStats stats();

	/**
	 * Closed: calls pass and their outcomes fill the window.
	 */
	record Closed(SlidingWindow window) implements CircuitState {

		@Override
		public State state() {
			return State.CLOSED;
		}

		@Override
		public CallStats stats() {
			return this.window;
		}

	}

	/**
	 * Open since {@code openedAt} on the breaker's monotonic clock.
	 */
	record Open(long openedAt, CallStats stats) implements CircuitState {

		@Override
		public State state() {
			return State.OPEN;
		}

	}

	/**
	 * Half-open: a few trial calls pass and decide where to go next.
	 */
	record HalfOpen(HalfOpenTrial trial) implements CircuitState {

		@Override
		public State state() {
			return State.HALF_OPEN;
		}

		@Override
		public CallStats stats() {
			return this.trial;
		}

	}

	/**
	 * A state set by hand that stays until changed by hand: forced open or disabled.
	 */
	record Manual(State state, CallStats stats) implements CircuitState {

	}

}
