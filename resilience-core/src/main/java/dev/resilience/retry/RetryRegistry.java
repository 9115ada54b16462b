package dev.resilience.retry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import dev.resilience.core.ContextPropagator;
import dev.resilience.core.ErrorClassifier;
import dev.resilience.core.Registry;
import dev.resilience.core.Scheduler;
import dev.resilience.core.Sleeper;
import dev.resilience.core.TimeSource;

/**
 * The {@link Retry} instances of an application. Instances configured by name exist from
 * the start; any other name gets an instance configured from the defaults on first use.
 *
 * @author Resilience
 * @since 0.1.0
 */
public final class RetryRegistry extends Registry<Retry> {

	private final Configs configs;

	/**
	 * Create a registry and every named instance.
	 * @param defaults the configuration of instances not named in {@code instances}
	 * @param instances the configuration of each named instance
	 * @param classifier decides which failures are transient
	 * @param timeSource the clock of every instance
	 * @param sleeper how synchronous retries wait
	 * @param scheduler how asynchronous retries wait
	 */
	public RetryRegistry(RetryConfig defaults, Map<String, RetryConfig> instances, ErrorClassifier classifier,
			TimeSource timeSource, Sleeper sleeper, Scheduler scheduler) {
		this(defaults, instances, classifier, timeSource, sleeper, scheduler, ContextPropagator.none());
	}

	/**
	 * Create a registry and every named instance, whose asynchronous attempts after the
	 * first run within the caller's context.
	 * @param defaults the configuration of instances not named in {@code instances}
	 * @param instances the configuration of each named instance
	 * @param classifier decides which failures are transient
	 * @param timeSource the clock of every instance
	 * @param sleeper how synchronous retries wait
	 * @param scheduler how asynchronous retries wait
	 * @param propagator carries the caller's context into later asynchronous attempts
	 */
	public RetryRegistry(RetryConfig defaults, Map<String, RetryConfig> instances, ErrorClassifier classifier,
			TimeSource timeSource, Sleeper sleeper, Scheduler scheduler, ContextPropagator propagator) {
		this(new Configs(defaults, instances), classifier, timeSource, sleeper, scheduler, propagator);
	}

	private RetryRegistry(Configs configs, ErrorClassifier classifier, TimeSource timeSource, Sleeper sleeper,
			Scheduler scheduler, ContextPropagator propagator) {
		super((name) -> new Retry(name, configs.configFor(name), classifier, timeSource, sleeper, scheduler,
				propagator), Retry::name);
		this.configs = configs;
		configs.instances().keySet().forEach(this::get);
	}

	/**
	 * Create a registry with the default configuration and no named instance.
	 * @return the registry
	 */
	public static RetryRegistry ofDefaults() {
		return new RetryRegistry(RetryConfig.ofDefaults(), Map.of(), ErrorClassifier.defaults(), TimeSource.system(),
				Sleeper.system(), Scheduler.commonPool());
	}

	/**
	 * Close every instance: calls waiting for a retry fail with their last failure, and
	 * no call makes another attempt. An application context calls this as it closes.
	 */
	public void close() {
		all().forEach(Retry::close);
	}

	/**
	 * Return the configuration that an instance of the given name has or would have.
	 * @param name the instance name
	 * @return its own configuration, or the defaults
	 */
	public RetryConfig configFor(String name) {
		return this.configs.configFor(name);
	}

	private record Configs(RetryConfig defaults, Map<String, RetryConfig> instances) {

		Configs {
			Objects.requireNonNull(defaults, "defaults must not be null");
			instances = Collections.unmodifiableMap(new LinkedHashMap<>(instances));
		}

		RetryConfig configFor(String name) {
			return this.instances.getOrDefault(name, this.defaults);
		}

	}

}
