package dev.resilience.circuitbreaker;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import dev.resilience.core.ErrorClassifier;
import dev.resilience.core.Registry;
import dev.resilience.core.TimeSource;

/**
 * The circuit breakers of an application. Instances with their own config exist from the
 * start; any other name gets one configured from the defaults on first use.
 *
 * @author Resilience
 * @since 0.1.0
 */
public final class CircuitBreakerRegistry extends Registry<CircuitBreaker> {

	private final Settings settings;

	/**
	 * Create a registry and its named instances.
	 * @param defaults the config of instances not named in {@code instances}
	 * @param instances the config of each named instance
	 * @param classifier tells transient errors from permanent ones
	 * @param timeSource the clock of every instance
	 */
	public CircuitBreakerRegistry(CircuitBreakerConfig defaults, Map<String, CircuitBreakerConfig> instances,
			ErrorClassifier classifier, TimeSource timeSource) {
		this(new Settings(defaults, Collections.unmodifiableMap(new LinkedHashMap<>(instances)), classifier,
				timeSource));
	}

	private CircuitBreakerRegistry(Settings settings) {
		super(settings::create, CircuitBreaker::name);
		this.settings = settings;
		settings.instances().keySet().forEach(this::get);
	}

	/**
	 * Create a registry with the default config, error classifier and clock, and no named
	 * instances.
	 * @return a new registry
	 */
	public static CircuitBreakerRegistry ofDefaults() {
		return new CircuitBreakerRegistry(CircuitBreakerConfig.ofDefaults(), Map.of(), ErrorClassifier.defaults(),
				TimeSource.system());
	}

	/**
	 * Return the config an instance of the given name has, or would have.
	 * @param name the instance name
	 * @return its own config, or the defaults
	 */
	public CircuitBreakerConfig configFor(String name) {
		return this.settings.configFor(name);
	}

	private record Settings(CircuitBreakerConfig defaults, Map<String, CircuitBreakerConfig> instances,
			ErrorClassifier classifier, TimeSource timeSource) {

		Settings {
			Objects.requireNonNull(defaults, "defaults must not be null");
			Objects.requireNonNull(classifier, "classifier must not be null");
			Objects.requireNonNull(timeSource, "timeSource must not be null");
		}

		CircuitBreakerConfig configFor(String name) {
			return this.instances.getOrDefault(name, this.defaults);
		}

		CircuitBreaker create(String name) {
			return new CircuitBreaker(name, configFor(name), this.classifier, this.timeSource);
		}

	}

}
