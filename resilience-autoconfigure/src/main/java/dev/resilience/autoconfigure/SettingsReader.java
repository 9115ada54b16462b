package dev.resilience.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Reads an instance's effective settings: its own value, else the pattern's default, else
 * the built-in one.
 *
 * @param <P> the settings type of the pattern
 * @author Resilience
 */
final class SettingsReader<P> {

	private final String prefix;

	private final P defaults;

	private final @Nullable String instanceName;

	private final @Nullable P instance;

	private SettingsReader(String prefix, P defaults, @Nullable String instanceName, @Nullable P instance) {
		this.prefix = prefix;
		this.defaults = defaults;
		this.instanceName = instanceName;
		this.instance = instance;
	}

	/**
	 * Map a pattern's defaults to an engine configuration.
	 * @param <P> the settings type
	 * @param <C> the engine configuration type
	 * @param prefix the pattern's property prefix, such as {@code resilience.retry}
	 * @param settings the pattern's settings
	 * @param mapping reads and validates one configuration
	 * @return the default configuration
	 */
	static <P, C> C defaults(String prefix, Instances<P> settings, Function<SettingsReader<P>, C> mapping) {
		return mapping.apply(new SettingsReader<>(prefix, settings.getDefaults(), null, null));
	}

	/**
	 * Map a pattern's named instances to engine configurations.
	 * @param <P> the settings type
	 * @param <C> the engine configuration type
	 * @param prefix the pattern's property prefix, such as {@code resilience.retry}
	 * @param settings the pattern's settings
	 * @param mapping reads and validates one configuration
	 * @return the configurations by instance name, in declaration order
	 */
	static <P, C> Map<String, C> instances(String prefix, Instances<P> settings,
			Function<SettingsReader<P>, C> mapping) {
		Map<String, C> configs = new LinkedHashMap<>();
		settings.getInstances()
			.forEach((name, instance) -> configs.put(name,
					mapping.apply(new SettingsReader<>(prefix, settings.getDefaults(), name, instance))));
		return configs;
	}

	<T> Setting<T> get(String key, Function<P, @Nullable T> getter, T builtIn) {
		if (this.instance != null) {
			T own = getter.apply(this.instance);
			if (own != null) {
				return new Setting<>(this.prefix + ".instances." + instanceKey() + "." + key, own);
			}
		}
		T inherited = getter.apply(this.defaults);
		return new Setting<>(this.prefix + ".defaults." + key, (inherited != null) ? inherited : builtIn);
	}

	private String instanceKey() {
		String name = (this.instanceName != null) ? this.instanceName : "";
		return (name.indexOf('.') >= 0) ? "[" + name + "]" : name;
	}

}
