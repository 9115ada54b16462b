package dev.resilience.autoconfigure;

import java.util.Map;

/**
 * The settings of one pattern: defaults, and named instances that inherit every key they
 * leave unset from the defaults.
 *
 * @param <T> the settings type of the pattern
 * @author Resilience
 * @since 0.1.0
 */
public interface Instances<T> {

	/**
	 * Return the settings every instance inherits unless it sets its own.
	 * @return the defaults
	 */
	T getDefaults();

	/**
	 * Return the named instances.
	 * @return the instances by name
	 */
	Map<String, T> getInstances();

}
