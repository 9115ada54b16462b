package dev.resilience.ratelimiter;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import dev.resilience.core.Registry;
import dev.resilience.core.Scheduler;
import dev.resilience.core.Sleeper;
import dev.resilience.core.TimeSource;
import org.jspecify.annotations.Nullable;

/**
 * The rate limiters of an application. Instances with their own config exist from the
 * start; any other name gets one configured from the defaults on first use.
 *
 * @author Resilience
 * @since 0.1.0
 */
public final class RateLimiterRegistry extends Registry<RateLimiter> {

	private final Settings settings;

	/**
	 * Create a registry and its named instances.
	 * @param defaults the config of instances not named in {@code instances}
	 * @param instances the config of each named instance
	 * @param timeSource the clock of every instance
	 * @param sleeper how synchronous callers wait for a permit
	 * @param scheduler how asynchronous calls wait for a permit
	 */
	public RateLimiterRegistry(RateLimiterConfig defaults, Map<String, RateLimiterConfig> instances,
			TimeSource timeSource, Sleeper sleeper, Scheduler scheduler) {
		this(defaults, instances, timeSource, sleeper, scheduler, null);
	}

	/**
	 * Create a registry and its named instances, some of which may keep their buckets in
	 * a remote store.
	 * @param defaults the config of instances not named in {@code instances}
	 * @param instances the config of each named instance
	 * @param timeSource the clock of every instance
	 * @param sleeper how synchronous callers wait for a permit
	 * @param scheduler how asynchronous calls wait for a permit
	 * @param remoteStores creates the store of each instance whose backend is remote; may
	 * be {@code null} if none is
	 * @throws IllegalArgumentException if the defaults or a named instance have a remote
	 * backend and no factory is given
	 */
	public RateLimiterRegistry(RateLimiterConfig defaults, Map<String, RateLimiterConfig> instances,
			TimeSource timeSource, Sleeper sleeper, Scheduler scheduler, @Nullable PermitStoreFactory remoteStores) {
		this(new Settings(defaults, Collections.unmodifiableMap(new LinkedHashMap<>(instances)), timeSource, sleeper,
				scheduler, remoteStores));
	}

	private RateLimiterRegistry(Settings settings) {
		super(settings::create, RateLimiter::name);
		this.settings = settings;
		settings.instances().keySet().forEach(this::get);
	}

	/**
	 * Create a registry with the default config, the system clock, the thread's own sleep
	 * and the common pool, and no named instances.
	 * @return a new registry
	 */
	public static RateLimiterRegistry ofDefaults() {
		return new RateLimiterRegistry(RateLimiterConfig.ofDefaults(), Map.of(), TimeSource.system(), Sleeper.system(),
				Scheduler.commonPool());
	}

	/**
	 * Return the config an instance of the given name has, or would have.
	 * @param name the instance name
	 * @return its own config, or the defaults
	 */
	public RateLimiterConfig configFor(String name) {
		return this.settings.configFor(name);
	}

	private record Settings(RateLimiterConfig defaults, Map<String, RateLimiterConfig> instances, TimeSource timeSource,
			Sleeper sleeper, Scheduler scheduler, @Nullable PermitStoreFactory remoteStores) {

		Settings {
			Objects.requireNonNull(defaults, "defaults must not be null");
			Objects.requireNonNull(timeSource, "timeSource must not be null");
			Objects.requireNonNull(sleeper, "sleeper must not be null");
			Objects.requireNonNull(scheduler, "scheduler must not be null");
			if (remoteStores == null && defaults.backend() != RateLimiterBackend.LOCAL) {
				throw new IllegalArgumentException("The default backend is " + defaults.backend()
						+ ", but no PermitStoreFactory was given to create its stores");
			}
		}

		RateLimiterConfig configFor(String name) {
			return this.instances.getOrDefault(name, this.defaults);
		}

		RateLimiter create(String name) {
			return new RateLimiter(name, configFor(name), this.timeSource, this.sleeper, this.scheduler,
					this.remoteStores);
		}

	}

}
