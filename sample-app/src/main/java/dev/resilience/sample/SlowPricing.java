package dev.resilience.sample;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.stereotype.Component;

/**
 * A simulated remote pricing service that takes as long to answer as it is told to.
 *
 * @author Resilience
 * @since 0.1.0
 */
@Component
public class SlowPricing {

	private volatile Duration latency;

	SlowPricing(PricingProperties properties) {
		this.latency = properties.latency();
	}

	/**
	 * Ask the pricing service for the current price of a symbol: a fixed price per symbol
	 * that moves by up to half a percent either way from one call to the next.
	 * @param symbol the symbol, such as {@code ACME}
	 * @return the price
	 * @throws DownstreamUnavailableException when the call is interrupted
	 */
	public BigDecimal price(String symbol) {
		SimulatedDelay.await(this.latency, "Pricing call for " + symbol);
		double base = 10 + Math.floorMod(symbol.hashCode(), 49_000) / 100.0;
		double move = (ThreadLocalRandom.current().nextDouble() - 0.5) / 100;
		return BigDecimal.valueOf(base * (1 + move)).setScale(2, RoundingMode.HALF_UP);
	}

	/**
	 * Return the current behaviour.
	 * @return the latency
	 */
	public PricingSettings settings() {
		return new PricingSettings(this.latency);
	}

	/**
	 * Change the behaviour; a {@code null} latency keeps the current one.
	 * @param change the new latency
	 * @return the behaviour now in force
	 * @throws IllegalArgumentException when the latency is negative
	 */
	public PricingSettings change(PricingSettings change) {
		if (change.latency() != null) {
			this.latency = FlakyDownstream.checkLatency(change.latency());
		}
		return settings();
	}

}
