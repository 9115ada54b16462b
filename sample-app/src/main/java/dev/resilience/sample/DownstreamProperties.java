package dev.resilience.sample;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the simulated inventory service behaves when the application starts.
 *
 * @param failureRate fraction of calls that fail, from 0 to 1
 * @param latency how long every call takes
 * @author Resilience
 * @since 0.1.0
 */
@ConfigurationProperties("shop.downstream")
public record DownstreamProperties(@DefaultValue("0.1") double failureRate, @DefaultValue("20ms") Duration latency) {

	public DownstreamProperties {
		FlakyDownstream.checkFailureRate(failureRate);
		FlakyDownstream.checkLatency(latency);
	}

}
