package dev.resilience.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the resilience starter, under {@code resilience}.
 *
 * @author Resilience
 * @since 0.1.0
 */
@ConfigurationProperties("resilience")
public class ResilienceProperties {

	/**
	 * Whether resilience annotations are applied. When false, no proxies are created and
	 * the annotations are inert.
	 */
	private boolean enabled = true;

	private final Instances<RetryProperties> retry = new Instances<>(new RetryProperties());

	private final Instances<CircuitBreakerProperties> circuitBreaker = new Instances<>(new CircuitBreakerProperties());

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Instances<RetryProperties> getRetry() {
		return this.retry;
	}

	public Instances<CircuitBreakerProperties> getCircuitBreaker() {
		return this.circuitBreaker;
	}

}
