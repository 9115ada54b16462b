package dev.resilience.saga;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the saga engine itself cannot go on: a step's arguments or result cannot be
 * stored, a compensation held in memory was lost with the process that held it, or the
 * instance running a saga lost its lease to another one.
 *
 * @author Resilience
 * @since 0.1.0
 */
public class SagaException extends RuntimeException {

	private final String sagaName;

	private final UUID sagaId;

	private final @Nullable String stepName;

	/**
	 * Create an exception.
	 * @param sagaName the saga name
	 * @param sagaId the execution's id
	 * @param stepName the step concerned, or {@code null}
	 * @param message the message
	 * @param cause the cause, or {@code null}
	 */
	public SagaException(String sagaName, UUID sagaId, @Nullable String stepName, String message,
			@Nullable Throwable cause) {
		super(message, cause);
		this.sagaName = sagaName;
		this.sagaId = sagaId;
		this.stepName = stepName;
	}

	/**
	 * Return the saga name.
	 * @return the saga name
	 */
	public String getSagaName() {
		return this.sagaName;
	}

	/**
	 * Return the execution's id.
	 * @return the id
	 */
	public UUID getSagaId() {
		return this.sagaId;
	}

	/**
	 * Return the name of the step concerned.
	 * @return the step name, or {@code null} if the saga as a whole is concerned
	 */
	public @Nullable String getStepName() {
		return this.stepName;
	}

}
