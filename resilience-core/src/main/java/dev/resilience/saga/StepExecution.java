package dev.resilience.saga;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One step of a saga execution as logged: an immutable snapshot.
 *
 * @param sequence the step's 1-based position in its saga, in the order steps started;
 * compensation runs in reverse
 * @param name the step name
 * @param state the step state
 * @param attempts how many times its compensation was attempted
 * @param error the latest error of the step or of its compensation, as class name and
 * message, if any
 * @param arguments the step's arguments as encoded by the {@link StepCodec}, or
 * {@code null} if not stored
 * @param result the step's result as encoded by the {@link StepCodec}, or {@code null} if
 * not stored or not returned yet
 * @param compensation where its compensation lives, or {@code null} for a step that needs
 * none
 * @author Resilience
 * @since 0.1.0
 */
public record StepExecution(int sequence, String name, StepState state, int attempts, @Nullable String error,
		@Nullable String arguments, @Nullable String result, @Nullable CompensationRef compensation) {

	/**
	 * Create a snapshot, checking its values.
	 * @param sequence the step's position
	 * @param name the step name
	 * @param state the step state
	 * @param attempts the compensation attempts
	 * @param error the latest error
	 * @param arguments the encoded arguments
	 * @param result the encoded result
	 * @param compensation where its compensation lives
	 */
	public StepExecution {
		Objects.requireNonNull(name, "name must not be null");
		Objects.requireNonNull(state, "state must not be null");
		if (sequence < 1) {
			throw new IllegalArgumentException("sequence must be at least 1, but was " + sequence);
		}
		if (attempts < 0) {
			throw new IllegalArgumentException("attempts must not be negative, but was " + attempts);
		}
	}

	/**
	 * Return a step that has just started.
	 * @param sequence the step's position
	 * @param name the step name
	 * @param arguments the encoded arguments, or {@code null}
	 * @param compensation where its compensation lives, or {@code null}
	 * @return the started step
	 */
	public static StepExecution started(int sequence, String name, @Nullable String arguments,
			@Nullable CompensationRef compensation) {
		return new StepExecution(sequence, name, StepState.STARTED, 0, null, arguments, null, compensation);
	}

	/**
	 * Whether this step is compensated when its saga is: it has a compensation and may
	 * have taken effect ({@link StepState#STARTED} or {@link StepState#COMPLETED}), or
	 * its compensation failed before ({@link StepState#COMPENSATION_FAILED}).
	 * @return {@code true} if the step awaits compensation
	 */
	public boolean needsCompensation() {
		return this.compensation != null && (this.state == StepState.STARTED || this.state == StepState.COMPLETED
				|| this.state == StepState.COMPENSATION_FAILED);
	}

	/**
	 * Return a copy that completed with the given result.
	 * @param result the encoded result
	 * @return the copy
	 */
	public StepExecution completed(@Nullable String result) {
		return new StepExecution(this.sequence, this.name, StepState.COMPLETED, this.attempts, this.error,
				this.arguments, result, this.compensation);
	}

	/**
	 * Return a copy in another state with another error.
	 * @param state the new state
	 * @param attempts the compensation attempts
	 * @param error the latest error, or {@code null} to keep the current one
	 * @return the copy
	 */
	public StepExecution withOutcome(StepState state, int attempts, @Nullable String error) {
		return new StepExecution(this.sequence, this.name, state, attempts, (error != null) ? error : this.error,
				this.arguments, this.result, this.compensation);
	}

}
