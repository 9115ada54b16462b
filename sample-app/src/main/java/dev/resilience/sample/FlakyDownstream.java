package dev.resilience.sample;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.stereotype.Component;

/**
 * A simulated remote inventory service that is slow and fails at random, as often as it
 * is told to.
 *
 * @author Resilience
 * @since 0.1.0
 */
@Component
public class FlakyDownstream {

	private volatile Behaviour behaviour;

	FlakyDownstream(DownstreamProperties properties) {
		this.behaviour = new Behaviour(properties.failureRate(), properties.latency());
	}

	/**
	 * Ask the inventory service how many units of an article are in stock.
	 * @param sku the article
	 * @return units in stock
	 * @throws DownstreamUnavailableException when the call fails
	 */
	public int unitsInStock(String sku) {
		Behaviour current = this.behaviour;
		SimulatedDelay.await(current.latency(), "Inventory call");
		if (ThreadLocalRandom.current().nextDouble() < current.failureRate()) {
			throw new DownstreamUnavailableException("Inventory service did not answer for " + sku);
		}
		return Math.floorMod(sku.hashCode(), 100);
	}

	/**
	 * Return the current behaviour.
	 * @return the failure rate and latency
	 */
	public DownstreamSettings settings() {
		Behaviour current = this.behaviour;
		return new DownstreamSettings(current.failureRate(), current.latency());
	}

	/**
	 * Change the behaviour; a {@code null} value keeps the current one.
	 * @param change the new failure rate and latency
	 * @return the behaviour now in force
	 * @throws IllegalArgumentException when a value is out of range
	 */
	public synchronized DownstreamSettings change(DownstreamSettings change) {
		Behaviour current = this.behaviour;
		double failureRate = (change.failureRate() != null) ? change.failureRate() : current.failureRate();
		Duration latency = (change.latency() != null) ? change.latency() : current.latency();
		this.behaviour = new Behaviour(checkFailureRate(failureRate), checkLatency(latency));
		return settings();
	}

	static double checkFailureRate(double failureRate) {
		if (!(failureRate >= 0.0 && failureRate <= 1.0)) {
			throw new IllegalArgumentException("failureRate must be between 0 and 1, but was " + failureRate);
		}
		return failureRate;
	}

	static Duration checkLatency(Duration latency) {
		if (latency.isNegative()) {
			throw new IllegalArgumentException("latency must not be negative, but was " + latency);
		}
		return latency;
	}

	private record Behaviour(double failureRate, Duration latency) {

	}

}
