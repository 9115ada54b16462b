package dev.resilience.saga;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What is known about a step before it is called: its name and its compensation. Created
 * once per step method, when the application starts.
 *
 * @param name the step name
 * @param compensation where its compensation lives, or {@code null} for a step that needs
 * none
 * @author Resilience
 * @since 0.1.0
 */
public record StepDefinition(String name, @Nullable CompensationRef compensation) {

	/**
	 * Create a definition, checking its values.
	 * @param name the step name
	 * @param compensation where its compensation lives, or {@code null}
	 */
	public StepDefinition {
		Objects.requireNonNull(name, "name must not be null");
		if (name.isEmpty()) {
			throw new IllegalArgumentException("name must not be empty");
		}
	}

	/**
	 * Whether the step's arguments and result must be stored, so that its compensation
	 * can run in another process.
	 * @return {@code true} if the compensation is durable
	 */
	boolean storesValues() {
		return this.compensation != null && !this.compensation.isInMemory();
	}

}
