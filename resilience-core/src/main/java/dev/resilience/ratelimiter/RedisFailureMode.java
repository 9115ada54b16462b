package dev.resilience.ratelimiter;

/**
 * What a rate limiter with the {@link RateLimiterBackend#REDIS Redis backend} does when
 * Redis does not answer in time, or cannot be reached.
 *
 * @author Resilience
 * @since 0.1.0
 */
public enum RedisFailureMode {

	/**
	 * Take permits from a local limiter with the same settings: each instance of the
	 * application then admits up to the limit on its own until Redis is back.
	 */
	LOCAL,

	/**
	 * Admit every call until Redis is back.
	 */
	ALLOW,

	/**
	 * Reject every call until Redis is back, with the time until Redis is probed again as
	 * the retry-after.
	 */
	DENY

}
