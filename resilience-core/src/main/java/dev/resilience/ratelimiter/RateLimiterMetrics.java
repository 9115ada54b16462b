package dev.resilience.ratelimiter;

/**
 * Live numbers of a rate limiter. The call counters count since creation, over all keys,
 * one per {@code outcome} tag of the {@code resilience.ratelimiter.calls} meter.
 *
 * @author Resilience
 * @since 0.1.0
 * @see RateLimiter#metrics()
 */
public interface RateLimiterMetrics {

	/**
	 * Return how many permits were handed out, at once or after a wait.
	 * @return the count of {@code permitted}
	 */
	long permittedCalls();

	/**
	 * Return how many calls got no permit, whether their bucket was exhausted or their
	 * key could not be tracked.
	 * @return the count of {@code rejected}, {@link #keyCapRejections()} included
	 */
	long rejectedCalls();

	/**
	 * Return how many permits the unkeyed bucket could hand out at this instant without a
	 * wait. With the token bucket the number is negative while callers wait for permits
	 * promised to them; with the sliding window it is never negative. With a remote
	 * backend it is the number the backend last reported.
	 * @return the available permits of the unkeyed bucket
	 */
	long availablePermits();

	/**
	 * Return how many keys have a bucket of their own in this JVM right now, the unkeyed
	 * bucket not included. Never more than {@code maxKeys}. With a remote backend, only
	 * the keys its failure handling took local permits for.
	 * @return the number of live keyed buckets
	 */
	int liveKeys();

	/**
	 * Return how many calls were rejected because their key was new and the limiter
	 * already tracked {@code maxKeys} keys, none of them idle.
	 * @return the number of key cap rejections
	 */
	long keyCapRejections();

}
