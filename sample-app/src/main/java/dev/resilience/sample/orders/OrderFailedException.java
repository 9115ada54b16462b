package dev.resilience.sample.orders;

import java.util.UUID;

/**
 * An order whose saga failed; the steps it had taken were compensated.
 *
 * @author Resilience
 * @since 0.1.0
 */
public class OrderFailedException extends RuntimeException {

	private final UUID sagaId;

	OrderFailedException(UUID sagaId, Throwable cause) {
		super("Order failed and was rolled back: " + cause.getMessage(), cause);
		this.sagaId = sagaId;
	}

	/**
	 * Return the saga execution that was compensated.
	 * @return its id
	 */
	public UUID getSagaId() {
		return this.sagaId;
	}

}
