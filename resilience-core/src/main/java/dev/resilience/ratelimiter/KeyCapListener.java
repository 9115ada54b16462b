package dev.resilience.ratelimiter;

/**
 * Told when a rate limiter first rejects a call because it cannot track a new key.
 *
 * @author Resilience
 * @since 0.1.0
 * @see RateLimiter#addKeyCapListener(KeyCapListener)
 */
@FunctionalInterface
public interface KeyCapListener {

	/**
	 * Called once, on the rejected caller's thread.
	 * @param rateLimiter the rate limiter whose cap was reached
	 */
	void onKeyCapReached(RateLimiter rateLimiter);

}
