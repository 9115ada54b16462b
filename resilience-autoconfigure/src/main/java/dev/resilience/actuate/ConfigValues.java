package dev.resilience.actuate;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import dev.resilience.core.ExceptionTypes;

/**
 * Renders configuration values as {@code application.yml} spells them.
 *
 * @author Resilience
 */
final class ConfigValues {

	private ConfigValues() {
	}

	static String duration(Duration duration) {
		return duration.toString();
	}

	static String enumValue(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	static List<String> exceptions(ExceptionTypes types) {
		return types.types().stream().map(Class::getName).toList();
	}

}
