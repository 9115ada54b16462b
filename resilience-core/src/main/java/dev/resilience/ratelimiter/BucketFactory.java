package dev.resilience.ratelimiter;

/**
 * Creates the buckets of one rate limiter, all alike.
 *
 * @author Resilience
 */
@FunctionalInterface
interface BucketFactory {

	/**
	 * Create a bucket, full at the given time.
	 * @param now the current time
	 * @return the bucket
	 */
	Bucket create(long now);

	/**
	 * Return the factory of the buckets a configuration describes.
	 * @param config the configuration
	 * @return the factory
	 */
	static BucketFactory of(RateLimiterConfig config) {
		if (config.algorithm() == RateLimiterAlgorithm.SLIDING_WINDOW) {
			int limit = config.limit();
			long periodNanos = Bucket.nanos(config.period());
			return (now) -> new SlidingWindowLog(limit, periodNanos);
		}
		TokenRate rate = new TokenRate(config);
		if (rate.fitsOneWord()) {
			return (now) -> new AtomicTokenBucket(rate, now);
		}
		return (now) -> new LockedTokenBucket(rate, now);
	}

}
