package dev.resilience.aop;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

import dev.resilience.saga.StepCodec;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores saga step arguments and results as JSON with Jackson: the arguments as one JSON
 * array, a result as a JSON value. Decodes them back to a compensation method's parameter
 * types, generics included, reading each value from the stored text as the mapper reads
 * any value of that type: a compensation gets what the mapper round-trips, such as a
 * {@code BigDecimal} with all its digits and its scale.
 *
 * @author Resilience
 * @since 0.1.0
 */
public final class JacksonStepCodec implements StepCodec {

	private final JsonMapper mapper;

	private final ObjectReader argumentReader;

	/**
	 * Create a codec.
	 * @param mapper the mapper, usually the application's
	 */
	public JacksonStepCodec(JsonMapper mapper) {
		this.mapper = mapper;
		// an argument is followed by the next one, or the end of the array
		this.argumentReader = mapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
	}

	@Override
	public @Nullable String encode(@Nullable Object value) {
		return this.mapper.writeValueAsString(value);
	}

	/**
	 * Decode stored arguments to the leading parameter types of a method: the stored
	 * array holds the step's arguments, one per parameter, and the method may take one
	 * more parameter (the step's result) that is not decoded here.
	 * @param arguments the stored JSON array
	 * @param types the method's parameter types
	 * @return the stored arguments, as many as stored
	 * @throws IllegalArgumentException if the stored value is not a JSON array with as
	 * many values as parameters, or one fewer
	 */
	public @Nullable Object[] decodeArguments(String arguments, Type[] types) {
		List<@Nullable Object> values = new ArrayList<>(types.length);
		// each value is read from the text straight into its parameter type, as the
		// mapper reads any value: through a JSON tree, decimals would become doubles
		try (JsonParser parser = this.mapper.createParser(arguments)) {
			if (parser.nextToken() != JsonToken.START_ARRAY) {
				throw doNotFit(arguments, types);
			}
			while (parser.nextToken() != JsonToken.END_ARRAY) {
				if (values.size() == types.length) {
					throw doNotFit(arguments, types);
				}
				values.add(
						this.argumentReader.forType(this.mapper.constructType(types[values.size()])).readValue(parser));
			}
		}
		if (values.size() < types.length - 1) {
			throw doNotFit(arguments, types);
		}
		return values.toArray();
	}

	private static IllegalArgumentException doNotFit(String arguments, Type[] types) {
		return new IllegalArgumentException("Stored arguments " + arguments + " do not fit " + types.length
				+ " parameters: a JSON array of " + types.length + " or " + (types.length - 1) + " values is expected");
	}

	/**
	 * Decode a stored value to the given type.
	 * @param value the stored JSON, or {@code null} if none was stored
	 * @param type the type
	 * @return the value
	 */
	public @Nullable Object decode(@Nullable String value, Type type) {
		return this.mapper.readValue((value != null) ? value : "null", this.mapper.constructType(type));
	}

}
