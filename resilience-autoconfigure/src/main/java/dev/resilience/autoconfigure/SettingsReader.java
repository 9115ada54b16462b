package dev.resilience.autoconfigure;

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

	static <P> SettingsReader<P> forDefaults(String prefix, P defaults) {
		return new SettingsReader<>(prefix, defaults, null, null);
	}

	static <P> SettingsReader<P> forInstance(String prefix, P defaults, String name, P instance) {
		return new SettingsReader<>(prefix, defaults, name, instance);
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
