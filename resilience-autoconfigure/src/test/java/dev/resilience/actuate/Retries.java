package dev.resilience.actuate;

import java.util.Map;

import dev.resilience.core.ErrorClassifier;
import dev.resilience.core.Scheduler;
import dev.resilience.core.Sleeper;
import dev.resilience.core.TimeSource;
import dev.resilience.retry.RetryConfig;
import dev.resilience.retry.RetryRegistry;

/**
 * Retry registries for tests, which never wait: their tests report attempts by hand.
 *
 * @author Resilience
 */
final class Retries {

	private Retries() {
	}

	static RetryRegistry registry(Map<String, RetryConfig> instances) {
		return new RetryRegistry(RetryConfig.ofDefaults(), instances, ErrorClassifier.defaults(), TimeSource.system(),
				Sleeper.system(), Scheduler.commonPool());
	}

}
