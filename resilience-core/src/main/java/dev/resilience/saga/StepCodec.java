package dev.resilience.saga;

import org.jspecify.annotations.Nullable;

/**
 * Turns a step's arguments and result into text for the saga log, so that a
 * {@link Compensator} in any process can turn them back into the values its compensation
 * needs. With Spring, the application's Jackson encodes them as JSON.
 * <p>
 * Only steps whose compensation is durable (not {@link CompensationRef#inMemory()}) are
 * encoded. A codec that cannot encode a value throws; the step then fails before it runs
 * (arguments) or after (result), with a {@link SagaException} naming the step and the
 * type of the value.
 *
 * @author Resilience
 * @since 0.1.0
 */
@FunctionalInterface
public interface StepCodec {

	/**
	 * Encode a value: a step's arguments (as an {@code Object[]}), its result, or, to
	 * find which argument cannot be encoded, a single argument.
	 * @param value the value, possibly {@code null}
	 * @return its encoding, or {@code null} to store nothing
	 * @throws Exception if the value cannot be encoded
	 */
	@Nullable String encode(@Nullable Object value) throws Exception;

	/**
	 * A codec that stores nothing, for sagas whose compensations need no stored values.
	 * @return a codec that encodes every value as {@code null}
	 */
	static StepCodec none() {
		return (value) -> null;
	}

}
