package dev.resilience.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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

	Setting<T> atLeast(Number minimum) {
		if (((Number) this.value).doubleValue() < minimum.doubleValue()) {
			throw invalid("must be at least " + minimum);
		}
		return this;
	}

	Setting<T> between(Number minimum, Number maximum) {
		double number = ((Number) this.value).doubleValue();
		if (Double.isNaN(number) || number < minimum.doubleValue() || number > maximum.doubleValue()) {
			throw invalid("must be between " + minimum + " and " + maximum);
		}
		return this;
	}

	Setting<T> notNegative() {
		if (((Duration) this.value).isNegative()) {
			throw invalid("must not be negative");
		}
		return this;
	}

	Setting<T> positive() {
		Duration duration = (Duration) this.value;
		if (duration.isNegative() || duration.isZero()) {
			throw invalid("must be positive (greater than 0)");
		}
		return this;
	}

	@SuppressWarnings("unchecked")
	ExceptionTypes exceptionTypes(@Nullable ClassLoader classLoader) {
		List<Class<? extends Throwable>> types = new ArrayList<>();
		List<String> names = (List<String>) this.value;
		for (int i = 0; i < names.size(); i++) {
			String name = names.get(i).trim();
			String property = this.property + "[" + i + "]";
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
			types.add((Class<? extends Throwable>) type);
		}
		return ExceptionTypes.of(types);
	}

	private InvalidConfigurationPropertyValueException invalid(String reason) {
		return new InvalidConfigurationPropertyValueException(this.property, this.value, reason);
	}

}
