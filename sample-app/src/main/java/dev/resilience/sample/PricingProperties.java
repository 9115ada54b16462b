package dev.resilience.sample;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the simulated pricing service behaves when the application starts.
 *
 * @param latency how long every call takes
 * @author Resilience
 * @since 0.1.0
 */
@ConfigurationProperties("shop.pricing")
public record PricingProperties(@DefaultValue("50ms") Duration latency) {

	public PricingProperties {
		FlakyDownstream.checkLatency(latency);
	}

}
