package dev.resilience.sample.orders;

import java.time.Duration;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * How the simulated partners of an order behave: which step fails, and how long each step
 * takes (long enough, say 30 seconds, to kill the application in the middle of a saga).
 * Starts from {@code shop.orders.*}, changed through {@code PUT /api/orders/simulation}.
 *
 * @author Resilience
 * @since 0.1.0
 */
@Component
public class OrderSimulation {

	private static final Set<String> STEPS = Set.of("none", "reserve", "charge", "ship");

	private volatile Settings settings;

	OrderSimulation(OrderProperties properties) {
		this.settings = new Settings(check(properties.failStep()), checkLatency(properties.stepLatency()));
	}

	/**
	 * Return the current behaviour.
	 * @return the failing step and the latency
	 */
	public Settings settings() {
		return this.settings;
	}

	/**
	 * Change the behaviour; a {@code null} value keeps the current one.
	 * @param change the new values
	 * @return the behaviour now in force
	 */
	public synchronized Settings change(Change change) {
		Settings current = this.settings;
		this.settings = new Settings((change.failStep() != null) ? check(change.failStep()) : current.failStep(),
				(change.stepLatency() != null) ? checkLatency(change.stepLatency()) : current.stepLatency());
		return this.settings;
	}

	/**
	 * Simulate the work of a step: wait for the latency, then fail if this step is the
	 * one told to fail.
	 * @param step the step
	 * @param what what the partner is doing, for the failure's message
	 */
	void perform(String step, String what) {
		Settings current = this.settings;
		if (!current.stepLatency().isZero()) {
			try {
				Thread.sleep(current.stepLatency().toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(what + " interrupted", ex);
			}
		}
		if (current.failStep().equals(step)) {
			throw new StepFailedException(what + " refused (shop.orders.fail-step=" + step + ")");
		}
	}

	private static String check(String step) {
		if (!STEPS.contains(step)) {
			throw new IllegalArgumentException("failStep must be one of " + STEPS + ", but was '" + step + "'");
		}
		return step;
	}

	private static Duration checkLatency(Duration latency) {
		if (latency.isNegative()) {
			throw new IllegalArgumentException("stepLatency must not be negative, but was " + latency);
		}
		return latency;
	}

	/**
	 * The behaviour in force.
	 *
	 * @param failStep the step that fails: none, reserve, charge or ship
	 * @param stepLatency how long each step takes
	 */
	public record Settings(String failStep, Duration stepLatency) {

	}

	/**
	 * A change of behaviour; a {@code null} value keeps the current one.
	 *
	 * @param failStep the step that fails: none, reserve, charge or ship
	 * @param stepLatency how long each step takes, as an ISO-8601 duration such as
	 * {@code PT30S}
	 */
	public record Change(@Nullable String failStep, @Nullable Duration stepLatency) {

	}

}
