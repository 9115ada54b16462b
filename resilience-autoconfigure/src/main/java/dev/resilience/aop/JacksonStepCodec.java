package dev.resilience.aop;

import java.lang.reflect.Type;

import dev.resilience.saga.StepCodec;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

/**
 * Stores saga step arguments and results as JSON with Jackson: the arguments as one JSON
 * array, a result as a JSON value. Decodes them back to a compensation method's parameter
 * types, generics included.
 *
 * @author Resilience
 * @since 0.1.0
 */
public final class JacksonStepCodec implements StepCodec {

	private final JsonMapper mapper;

	/**
	 * Create a codec.
	 * @param mapper the mapper, usually the application's
	 */
	public JacksonStepCodec(JsonMapper mapper) {
		this.mapper = mapper;
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
		JsonNode array = this.mapper.readTree(arguments);
		if (!array.isArray() || (array.size() != types.length && array.size() != types.length - 1)) {
			throw new IllegalArgumentException(
					"Stored arguments " + arguments + " do not fit " + types.length + " parameters: a JSON array of "
							+ types.length + " or " + (types.length - 1) + " values is expected");
		}
		@Nullable Object[] values = new Object[array.size()];
		for (int i = 0; i < values.length; i++) {
			values[i] = this.mapper.treeToValue(array.get(i), this.mapper.constructType(types[i]));
		}
		return values;
	}

	/**
	 * Decode a stored value to the given type.
	 * @param value the stored JSON, or {@code null} if none was stored
	 * @param type the type
	 * @return the value
	 */
	public @Nullable Object decode(@Nullable String value, Type type) {
		JsonNode node = (value != null) ? this.mapper.readTree(value) : NullNode.getInstance();
		return this.mapper.treeToValue(node, this.mapper.constructType(type));
	}

}
