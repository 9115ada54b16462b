package dev.resilience.circuitbreaker;

/**
 * How a closed circuit breaker decides which recent calls it judges the downstream by.
 *
 * @author Resilience
 * @since 0.1.0
 * @see CircuitBreakerConfig#slidingWindowType()
 */
public enum SlidingWindowType {

	/**
	 * The last {@code slidingWindowSize} calls.
	 */
	COUNT,

	/**
	 * The calls of the last {@code slidingWindowSize} seconds, kept in one bucket per
	 * second.
	 */
	TIME

}
