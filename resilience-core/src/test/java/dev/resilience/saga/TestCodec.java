package dev.resilience.saga;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A {@link StepCodec} that writes values with {@code toString}, lists arguments in
 * brackets, and refuses {@link Unencodable} values, as Jackson refuses a type it cannot
 * serialise.
 */
final class TestCodec implements StepCodec {

	@Override
	public @Nullable String encode(@Nullable Object value) {
		if (value instanceof Object[] array) {
			List<String> parts = new ArrayList<>();
			for (Object element : array) {
				parts.add(encode(element));
			}
			return parts.toString();
		}
		if (value instanceof Unencodable) {
			throw new IllegalArgumentException("No serializer found for " + value.getClass().getName());
		}
		return String.valueOf(value);
	}

	/**
	 * A value the codec cannot encode.
	 */
	static final class Unencodable {

	}

}
