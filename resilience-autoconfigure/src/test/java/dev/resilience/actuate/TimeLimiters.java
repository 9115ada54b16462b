package dev.resilience.actuate;

import java.util.Map;
import java.util.concurrent.ForkJoinPool;

import dev.resilience.core.Scheduler;
import dev.resilience.core.ContextPropagator;
import dev.resilience.timelimiter.TimeLimiterConfig;
import dev.resilience.timelimiter.TimeLimiterRegistry;

/**
 * Time limiter registries for tests, which report outcomes by hand rather than run calls.
 *
 * @author Resilience
 */
final class TimeLimiters {

	private TimeLimiters() {
	}

	static TimeLimiterRegistry registry(Map<String, TimeLimiterConfig> instances) {
		return new TimeLimiterRegistry(TimeLimiterConfig.ofDefaults(), instances, ForkJoinPool.commonPool(),
				Scheduler.commonPool(), ContextPropagator.none());
	}

}
