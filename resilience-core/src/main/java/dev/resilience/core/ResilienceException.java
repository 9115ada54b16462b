package dev.resilience.core;

/**
 * Base class of every rejection thrown by a resilience pattern. Rejections happen under
 * load, so they skip the stack trace unless asked for one.
 *
 * @author Resilience
 * @since 0.1.0
 */
public abstract class ResilienceException extends RuntimeException {

	private final String instanceName;

	protected ResilienceException(String instanceName, String message, boolean writableStackTrace) {
		super(message, null, false, writableStackTrace);
		this.instanceName = instanceName;
	}

	/**
	 * Return the name of the instance that rejected the call.
	 * @return the instance name
	 */
	public String getInstanceName() {
		return this.instanceName;
	}

	/**
	 * Whether this rejection comes from a policy that says nothing about the downstream's
	 * health, such as an open circuit breaker or an exhausted rate limit. Retries do not
	 * retry such rejections and circuit breakers do not record them, unless configured
	 * to.
	 * @return {@code true} for a policy rejection
	 */
	public boolean isPolicyRejection() {
		return false;
	}

}
