package dev.resilience.core;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Implemented by failures that know when the call is worth trying again, such as an open
 * circuit breaker or an exhausted rate limit. Applications may implement it on their own
 * exceptions; retries honour it.
 *
 * @author Resilience
 * @since 0.1.0
 */
public interface RetryAfterAware {

	/**
	 * Return how long to wait before calling again.
	 * @return the wait, or {@code null} if unknown
	 */
	@Nullable Duration getRetryAfter();

}
