package dev.resilience.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings of one pattern: defaults, and named instances that inherit every key they
 * leave unset from the defaults.
 *
 * @param <T> the settings type of the pattern
 * @author Resilience
 * @since 0.1.0
 */
public class Instances<T> {

	/**
	 * Settings every instance inherits unless it sets its own.
	 */
	private final T defaults;

	/**
	 * Named instances, created at start-up. Names containing dots must be bracketed in
	 * YAML, such as "[InventoryClient.stock]".
	 */
	private final Map<String, T> instances = new LinkedHashMap<>();

	Instances(T defaults) {
		this.defaults = defaults;
	}

	public T getDefaults() {
		return this.defaults;
	}

	public Map<String, T> getInstances() {
		return this.instances;
	}

}
