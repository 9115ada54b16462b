package dev.resilience.saga;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Encodes a step's arguments and result with the {@link StepCodec}, and when it cannot,
 * says which step and which type.
 *
 * @author Resilience
 */
final class StepEncoder {

	private final StepCodec codec;

	StepEncoder(StepCodec codec) {
		this.codec = codec;
	}

	@Nullable String arguments(ActiveSaga saga, StepDefinition step, @Nullable Object[] arguments) {
		try {
			return this.codec.encode(arguments);
		}
		catch (Exception ex) {
			// find the culprit, to name its type
			for (int i = 0; i < arguments.length; i++) {
				Object argument = arguments[i];
				if (!isEncodable(argument)) {
					throw failure(saga, step, "argument " + (i + 1) + " of type " + typeName(argument), ex);
				}
			}
			throw failure(saga, step, "its arguments of types " + typeNames(arguments), ex);
		}
	}

	@Nullable String result(ActiveSaga saga, StepDefinition step, @Nullable Object value) {
		try {
			return this.codec.encode(value);
		}
		catch (Exception ex) {
			throw failure(saga, step, "its result of type " + typeName(value), ex);
		}
	}

	private boolean isEncodable(@Nullable Object value) {
		try {
			this.codec.encode(value);
			return true;
		}
		catch (Exception ex) {
			return false;
		}
	}

	private static SagaException failure(ActiveSaga saga, StepDefinition step, String what, Exception cause) {
		return new SagaException(saga.name(), saga.id(), step.name(),
				"Saga step '" + step.name() + "' cannot store " + what + " for its compensation: " + cause.getMessage(),
				cause);
	}

	private static String typeName(@Nullable Object value) {
		return (value != null) ? value.getClass().getName() : "null";
	}

	private static List<String> typeNames(@Nullable Object[] values) {
		List<String> names = new ArrayList<>(values.length);
		for (Object value : values) {
			names.add(typeName(value));
		}
		return names;
	}

}
