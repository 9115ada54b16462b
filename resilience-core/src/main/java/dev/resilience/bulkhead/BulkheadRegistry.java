package dev.resilience.bulkhead;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import dev.resilience.core.Registry;
import dev.resilience.core.Scheduler;
import dev.resilience.core.TimeSource;

/**
 * The bulkheads of an application. Instances with their own config exist from the start;
 * any other name gets one configured from the defaults on first use.
 *
 * @author Resilience
 * @since 0.1.0
 */
public final class BulkheadRegistry extends Registry<Bulkhead> {

	private final Settings settings;

	/**
	 * Create a registry and its named instances.
	 * @param defaults the config of instances not named in {@code instances}
	 * @param instances the config of each named instance
	 * @param timeSource the clock of every instance
	 * @param scheduler runs the timeouts of asynchronous callers of every instance
	 */
	public BulkheadRegistry(BulkheadConfig defaults, Map<String, BulkheadConfig> instances, TimeSource timeSource,
			Scheduler scheduler) {
		this(new Settings(defaults, Collections.unmodifiableMap(new LinkedHashMap<>(instances)), timeSource,
				scheduler));
	}

	private BulkheadRegistry(Settings settings) {
		super(settings::create, Bulkhead::name);
		this.settings = settings;
		settings.instances().keySet().forEach(this::get);
	}

	/**
	 * Create a registry with the default config, the system clock and
	 * {@link Scheduler#commonPool()}, and no named instances.
	 * @return a new registry
	 */
	public static BulkheadRegistry ofDefaults() {
		return new BulkheadRegistry(BulkheadConfig.ofDefaults(), Map.of(), TimeSource.system(), Scheduler.commonPool());
	}

	/**
	 * Return the config an instance of the given name has, or would have.
	 * @param name the instance name
	 * @return its own config, or the defaults
	 */
	public BulkheadConfig configFor(String name) {
		return this.settings.configFor(name);
	}

	private record Settings(BulkheadConfig defaults, Map<String, BulkheadConfig> instances, TimeSource timeSource,
			Scheduler scheduler) {

		Settings {
			Objects.requireNonNull(defaults, "defaults must not be null");
			Objects.requireNonNull(timeSource, "timeSource must not be null");
			Objects.requireNonNull(scheduler, "scheduler must not be null");
		}

		BulkheadConfig configFor(String name) {
			return this.instances.getOrDefault(name, this.defaults);
		}

		Bulkhead create(String name) {
			return new Bulkhead(name, configFor(name), this.timeSource, this.scheduler);
		}

	}

}
