package dev.resilience.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import dev.resilience.core.Bound;
import dev.resilience.core.ExceptionTypes;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.ClassUtils;

/**
 * One effective setting of an instance and the full name of the property it came from, so
 * that an invalid value is reported where the user wrote it.
 *
 * @param <T> the value type
 * @param property the full property name
 * @param value the value
 * @author Resilience
 */
record Setting<T>(String property, T value) {

	/**
	 * Return this setting if its value is within the engine's bound.
	 * @param bound the values the engine allows
	 * @return this setting
	 * @throws InvalidConfigurationPropertyValueException naming the property, the value
	 * and what the bound requires, as the engine's own message does
	 */
	Setting<T> within(Bound<T> bound) {
		if (!bound.contains(this.value)) {
			throw new InvalidConfigurationPropertyValueException(this.property, this.value, bound.requirement());
		}
		return this;
	}

	/**
	 * Resolve a setting that lists exception class names.
	 * @param names the setting
	 * @param classLoader the class loader to resolve the names with
	 * @return the exception types
	 * @throws InvalidConfigurationPropertyValueException naming the first element that is
	 * not an exception class on the classpath
	 */
	static ExceptionTypes exceptionTypes(Setting<List<String>> names, @Nullable ClassLoader classLoader) {
		List<Class<? extends Throwable>> types = new ArrayList<>();
		for (int i = 0; i < names.value().size(); i++) {
			String name = names.value().get(i).trim();
			String property = names.property() + "[" + i + "]";
			Class<?> type;
			try {
				type = ClassUtils.forName(name, classLoader);
			}
			catch (ClassNotFoundException | LinkageError ex) {
				throw new InvalidConfigurationPropertyValueException(property, name,
						"must be the fully qualified name of an exception class on the classpath");
			}
			if (!Throwable.class.isAssignableFrom(type)) {
				throw new InvalidConfigurationPropertyValueException(property, name,
						"must name a subclass of java.lang.Throwable");
			}
			types.add(type.asSubclass(Throwable.class));
		}
		return ExceptionTypes.of(types);
	}

}
