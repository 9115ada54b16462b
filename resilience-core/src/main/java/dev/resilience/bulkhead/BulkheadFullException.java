package dev.resilience.bulkhead;

import java.time.Duration;
import java.util.Objects;

import dev.resilience.core.ResilienceException;

/**
 * Thrown when a bulkhead turns a call away: every slot is taken and none was freed within
 * {@code maxWaitDuration}, or the caller's thread was interrupted while it waited.
 * Created under load, so it carries no stack trace.
 * <p>
 * A full bulkhead is a transient condition, not a policy: retries retry it and circuit
 * breakers record it as a failure, by default.
 *
 * @author Resilience
 * @since 0.1.0
 */
public final class BulkheadFullException extends ResilienceException {

	private final int maxConcurrentCalls;

	/**
	 * Create an exception for a call that found every slot taken.
	 * @param instanceName the name of the bulkhead
	 * @param maxConcurrentCalls how many slots the bulkhead has
	 * @param waited how long the call waited for a slot, zero if not at all
	 */
	public BulkheadFullException(String instanceName, int maxConcurrentCalls, Duration waited) {
		this(instanceName, maxConcurrentCalls, message(instanceName, maxConcurrentCalls, waited));
	}

	private BulkheadFullException(String instanceName, int maxConcurrentCalls, String message) {
		super(instanceName, message, false);
		this.maxConcurrentCalls = maxConcurrentCalls;
	}

	/**
	 * Create an exception for a call whose thread was interrupted while it waited.
	 * @param instanceName the name of the bulkhead
	 * @param maxConcurrentCalls how many slots the bulkhead has
	 * @return the exception
	 */
	static BulkheadFullException interrupted(String instanceName, int maxConcurrentCalls) {
		return new BulkheadFullException(instanceName, maxConcurrentCalls, "Bulkhead '" + instanceName
				+ "' is full: interrupted while waiting for one of its " + maxConcurrentCalls + " slots");
	}

	private static String message(String instanceName, int maxConcurrentCalls, Duration waited) {
		Objects.requireNonNull(waited, "waited must not be null");
		String message = "Bulkhead '" + instanceName + "' is full: all " + maxConcurrentCalls + " slots are in use";
		return (waited.isZero()) ? message : message + " and none was freed within " + waited.toMillis() + "ms";
	}

	/**
	 * Return how many calls the bulkhead lets in at once.
	 * @return its {@code maxConcurrentCalls}
	 */
	public int getMaxConcurrentCalls() {
		return this.maxConcurrentCalls;
	}

	/**
	 * A full bulkhead is a sign of a slow or overloaded downstream, worth retrying and
	 * recording, unlike an open circuit breaker.
	 * @return {@code false}
	 */
	@Override
	public boolean isPolicyRejection() {
		return false;
	}

}
