package dev.resilience.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.resilience.core.Bound;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.convert.ConversionService;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Tests that each default and bound of a property is the one its engine declares,
 * wherever else it is written: in the configuration metadata the IDE shows (defaults, and
 * descriptions stating a bound or a default), in the README reference, and in what an
 * invalid value at start-up is told. A default or bound changed in one place only fails
 * here.
 *
 * @author Resilience
 */
class PropertyDefaultsTests {

	private static final ConversionService conversion = ApplicationConversionService.getSharedInstance();

	private static final Map<String, EngineSettings.Declared> SETTINGS = EngineSettings.all();

	private static final Pattern DESCRIBED_BOUND = Pattern
		.compile("(?:^|\\. )(?:At least (\\S+?)|Between (\\S+) and (\\S+?)|(Positive)|(Not negative))\\.(?= |$)");

	private static final Pattern DESCRIBED_DEFAULT = Pattern.compile("(?:^|\\. )Default (\\S+?)\\.(?= |$)");

	private static final Pattern DOCUMENTED_BOUND = Pattern.compile("≥ (\\S+)|> (\\S+)|(\\S+) to (\\S+)");

	@Test
	void everyPropertyIsAccountedFor() throws IOException {
		Set<String> properties = metadata().keySet();
		Set<String> unaccounted = new LinkedHashSet<>(properties);
		unaccounted.removeAll(SETTINGS.keySet());
		unaccounted.removeAll(EngineSettings.WITHOUT_DEFAULT);
		assertThat(unaccounted).as("properties whose default this test does not know").isEmpty();
		assertThat(properties).containsAll(SETTINGS.keySet()).containsAll(EngineSettings.WITHOUT_DEFAULT);
	}

	@Test
	void metadataDefaultsAreTheEngineDefaults() throws IOException {
		Map<String, Map<String, Object>> metadata = metadata();
		SETTINGS.forEach((property, setting) -> {
			Object documented = metadata.get(property).get("defaultValue");
			Object expected = setting.defaultValue();
			if (expected instanceof List<?> list) {
				assertThat(list).as(property).isEmpty();
				assertThat(documented).as(property).isNull();
			}
			else {
				assertThat(documented).as("metadata default of " + property).isNotNull();
				assertThat(convert(String.valueOf(documented), expected)).as("metadata default of " + property)
					.isEqualTo(expected);
			}
		});
	}

	@Test
	void descriptionsStateTheEngineBounds() throws IOException {
		Map<String, Map<String, Object>> metadata = metadata();
		SETTINGS.forEach((property, setting) -> {
			String description = String.valueOf(metadata.get(property).get("description"));
			List<Bound<?>> bounds = new ArrayList<>();
			Matcher bound = DESCRIBED_BOUND.matcher(description);
			while (bound.find()) {
				bounds.add(describedBound(bound, setting.defaultValue()));
			}
			assertThat(bounds).as("bound stated by the description of " + property)
				.isEqualTo((setting.bound() != null) ? List.of(setting.bound()) : List.of());
			Matcher defaultValue = DESCRIBED_DEFAULT.matcher(description);
			if (defaultValue.find()) {
				assertThat(convert(defaultValue.group(1), setting.defaultValue()))
					.as("default stated by the description of " + property)
					.isEqualTo(setting.defaultValue());
			}
		});
	}

	@Test
	void readmeReferenceStatesTheEngineDefaultsAndBounds() throws IOException {
		Map<String, ReferenceTables.Row> rows = ReferenceTables.read();
		assertThat(rows.keySet()).as("properties documented in the README")
			.containsAll(SETTINGS.keySet())
			.allSatisfy((property) -> assertThat(SETTINGS).as("documented property").containsKey(property));
		rows.forEach((property, row) -> {
			EngineSettings.Declared setting = SETTINGS.get(property);
			assertThat(convert(row.defaultValue(), setting.defaultValue())).as("README default of " + property)
				.isEqualTo(setting.defaultValue());
			assertThat(documentedBound(row.allowed(), setting.defaultValue())).as("README range of " + property)
				.isEqualTo(setting.bound());
			if (setting.defaultValue() instanceof Enum<?> value) {
				assertThat(documentedValues(row.allowed(), value)).as("README values of " + property)
					.isEqualTo(EnumSet.allOf(value.getDeclaringClass()));
			}
		});
	}

	@ParameterizedTest(name = "{0}={1}")
	@MethodSource("valuesOutOfBounds")
	void valueOutOfBoundsFailsTheStartWithTheEngineRequirement(String property, String value, Bound<?> bound) {
		runnerFor(property).withPropertyValues(property + "=" + value).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (invalid) -> {
					assertThat(invalid.getName()).isEqualTo(property);
					assertThat(invalid.getValue()).isNotNull();
					assertThat(invalid.getReason()).isEqualTo(bound.requirement());
				});
		});
	}

	static Stream<Arguments> valuesOutOfBounds() {
		List<Arguments> arguments = new ArrayList<>();
		SETTINGS.forEach((property, setting) -> {
			Bound<?> bound = setting.bound();
			if (bound != null) {
				arguments.add(Arguments.of(property, beside(bound.lower(), bound.isLowerIncluded() ? -1 : 0), bound));
				if (bound.upper() != null) {
					arguments.add(Arguments.of(property, beside(bound.upper(), 1), bound));
				}
			}
		});
		return arguments.stream();
	}

	private static ApplicationContextRunner runnerFor(String property) {
		ApplicationContextRunner runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ResilienceAutoConfiguration.class));
		if (property.startsWith("resilience.saga.")) {
			return runner.withConfiguration(AutoConfigurations.of(ResilienceSagaAutoConfiguration.class))
				.withPropertyValues("resilience.saga.store=memory");
		}
		if (property.startsWith("resilience.rate-limiter.redis.")) {
			return runner.withConfiguration(AutoConfigurations.of(ResilienceRedisAutoConfiguration.class))
				.withBean(RedisConnectionFactory.class, PropertyDefaultsTests::unusedConnectionFactory);
		}
		return runner;
	}

	private static RedisConnectionFactory unusedConnectionFactory() {
		return (RedisConnectionFactory) Proxy.newProxyInstance(PropertyDefaultsTests.class.getClassLoader(),
				new Class<?>[] { RedisConnectionFactory.class }, (proxy, method, args) -> switch (method.getName()) {
					case "hashCode" -> System.identityHashCode(proxy);
					case "equals" -> proxy == args[0];
					case "toString" -> "unused RedisConnectionFactory";
					default -> throw new UnsupportedOperationException(method.getName());
				});
	}

	/**
	 * Return a value at or beside an end of a bound, as written in yml.
	 * @param end the end
	 * @param direction -1 for just below, 1 for just above, 0 for the end itself
	 * @return the value
	 */
	private static String beside(Object end, int direction) {
		if (end instanceof Duration duration) {
			return duration.plusMillis(direction).toMillis() + "ms";
		}
		if (end instanceof Integer number) {
			return String.valueOf(number + direction);
		}
		return String.valueOf(((Number) end).doubleValue() + direction * 0.5);
	}

	private static Bound<?> describedBound(Matcher phrase, Object like) {
		if (phrase.group(1) != null) {
			return atLeast(phrase.group(1), like);
		}
		if (phrase.group(2) != null) {
			return between(phrase.group(2), phrase.group(3), like);
		}
		return (phrase.group(4) != null) ? Bound.positive() : Bound.notNegative();
	}

	private static @Nullable Bound<?> documentedBound(String allowed, Object like) {
		Matcher phrase = DOCUMENTED_BOUND.matcher(allowed);
		if (!phrase.matches()) {
			return null;
		}
		if (phrase.group(1) != null) {
			return atLeast(phrase.group(1), like);
		}
		if (phrase.group(2) != null) {
			assertThat(phrase.group(2)).as("the only exclusive lower end").isEqualTo("0");
			return Bound.positive();
		}
		return between(phrase.group(3), phrase.group(4), like);
	}

	private static Bound<?> atLeast(String lower, Object like) {
		if (like instanceof Integer) {
			return Bound.atLeast(Integer.parseInt(lower));
		}
		if (like instanceof Double) {
			return Bound.atLeast(Double.parseDouble(lower));
		}
		if (like instanceof Duration) {
			return Bound.atLeast(convert(lower, Duration.ZERO));
		}
		throw new AssertionError("No lower bound for a " + like.getClass().getName());
	}

	private static Bound<?> between(String lower, String upper, Object like) {
		if (like instanceof Float) {
			return Bound.between(Float.parseFloat(lower), Float.parseFloat(upper));
		}
		if (like instanceof Double) {
			return Bound.between(Double.parseDouble(lower), Double.parseDouble(upper));
		}
		throw new AssertionError("No range for a " + like.getClass().getName());
	}

	private static Set<?> documentedValues(String allowed, Enum<?> like) {
		Set<Object> values = new LinkedHashSet<>();
		Matcher value = Pattern.compile("`([^`]+)`").matcher(allowed);
		while (value.find()) {
			values.add(convert(value.group(1), like));
		}
		return values;
	}

	@SuppressWarnings("unchecked")
	private static <T> T convert(String text, T like) {
		if (like instanceof List) {
			assertThat(text).as("an empty list").isEqualTo("[]");
			return (T) Collections.emptyList();
		}
		Class<?> type = (like instanceof Enum<?> value) ? value.getDeclaringClass() : like.getClass();
		Object value = conversion.convert(text, type);
		if (value == null) {
			fail("'" + text + "' is no " + type.getName());
		}
		return (T) value;
	}

	/**
	 * Read the configuration metadata of every {@code resilience.*} property, as the
	 * configuration processor wrote it from the properties classes and the additional
	 * metadata.
	 */
	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, Object>> metadata() throws IOException {
		Map<String, Map<String, Object>> properties = new LinkedHashMap<>();
		for (URL location : Collections.list(PropertyDefaultsTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream input = location.openStream()) {
				Map<String, Object> metadata = JsonParserFactory.getJsonParser()
					.parseMap(new String(input.readAllBytes(), StandardCharsets.UTF_8));
				for (Object property : (List<Object>) metadata.getOrDefault("properties", List.of())) {
					Map<String, Object> entry = (Map<String, Object>) property;
					String name = (String) entry.get("name");
					if (name.startsWith("resilience.")) {
						properties.put(name, entry);
					}
				}
			}
		}
		assertThat(properties).as("resilience properties in the metadata").isNotEmpty();
		return properties;
	}

}
