package dev.resilience.ratelimiter;

/**
 * Where a rate limiter keeps its buckets.
 *
 * @author Resilience
 * @since 0.1.0
 */
public enum RateLimiterBackend {

	/**
	 * In this JVM: each instance of the application has limits of its own.
	 */
	LOCAL,

	/**
	 * In Redis, shared by every instance of the application that uses the same Redis: one
	 * limit for the whole cluster. Supports the {@link RateLimiterAlgorithm#TOKEN_BUCKET
	 * token bucket} only.
	 */
	REDIS

}
