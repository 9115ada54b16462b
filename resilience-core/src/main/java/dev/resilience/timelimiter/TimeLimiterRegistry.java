package dev.resilience.timelimiter;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;

import dev.resilience.core.ContextPropagator;
import dev.resilience.core.Registry;
import dev.resilience.core.Scheduler;

/**
 * The {@link TimeLimiter} instances of an application. Instances configured by name exist
 * from the start; any other name gets an instance configured from the defaults on first
 * use. All instances share one executor, one scheduler and one context propagator.
 *
 * @author Resilience
 * @since 0.1.0
 */
public final class TimeLimiterRegistry extends Registry<TimeLimiter> {

	private final Settings settings;

	/**
	 * Create a registry and every named instance.
	 * @param defaults the configuration of instances not named in {@code instances}
	 * @param instances the configuration of each named instance
	 * @param executor runs synchronous calls, see {@link #newDefaultExecutor()}
	 * @param scheduler times asynchronous calls
	 * @param propagator carries the caller's context into the executor's and the
	 * scheduler's threads
	 */
	public TimeLimiterRegistry(TimeLimiterConfig defaults, Map<String, TimeLimiterConfig> instances,
			ExecutorService executor, Scheduler scheduler, ContextPropagator propagator) {
		this(new Settings(defaults, Collections.unmodifiableMap(new LinkedHashMap<>(instances)), executor, scheduler,
				propagator));
	}

	private TimeLimiterRegistry(Settings settings) {
		super(settings::create, TimeLimiter::name);
		this.settings = settings;
		settings.instances().keySet().forEach(this::get);
	}

	/**
	 * Create a registry with the default configuration and no named instance, on the
	 * executor and scheduler shared by {@link TimeLimiter#of}, propagating no context.
	 * @return the registry
	 */
	public static TimeLimiterRegistry ofDefaults() {
		return new TimeLimiterRegistry(TimeLimiterConfig.ofDefaults(), Map.of(), SyncExecutors.shared(),
				Scheduler.commonPool(), ContextPropagator.none());
	}

	/**
	 * Create the executor the design calls for to run synchronous calls: a new virtual
	 * thread per call on JDK 21 and later; on earlier JDKs a pool of daemon threads,
	 * eight per processor and at least 16, queueing as many calls again and rejecting any
	 * further call, which then fails at once with a {@link TimeLimitExceededException}.
	 * The caller owns it and shuts it down when done.
	 * @return a new executor
	 */
	public static ExecutorService newDefaultExecutor() {
		return SyncExecutors.create();
	}

	/**
	 * Return the configuration that an instance of the given name has or would have.
	 * @param name the instance name
	 * @return its own configuration, or the defaults
	 */
	public TimeLimiterConfig configFor(String name) {
		return this.settings.configFor(name);
	}

	private record Settings(TimeLimiterConfig defaults, Map<String, TimeLimiterConfig> instances,
			ExecutorService executor, Scheduler scheduler, ContextPropagator propagator) {

		Settings {
			Objects.requireNonNull(defaults, "defaults must not be null");
			Objects.requireNonNull(executor, "executor must not be null");
			Objects.requireNonNull(scheduler, "scheduler must not be null");
			Objects.requireNonNull(propagator, "propagator must not be null");
		}

		TimeLimiterConfig configFor(String name) {
			return this.instances.getOrDefault(name, this.defaults);
		}

		TimeLimiter create(String name) {
			return new TimeLimiter(name, configFor(name), this.executor, this.scheduler, this.propagator);
		}

	}

}
