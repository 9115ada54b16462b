package dev.resilience.sample.orders;

import java.util.Map;
import java.util.UUID;

import dev.resilience.annotation.SagaStep;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The simulated carrier: schedules the shipment of an order, and cancels it when the
 * order is rolled back.
 *
 * @author Resilience
 * @since 0.1.0
 */
@Component
public class Carrier {

	private final OrderSimulation simulation;

	private final Ledger ledger = new Ledger("carrier");

	Carrier(OrderSimulation simulation) {
		this.simulation = simulation;
	}

	/**
	 * Schedule the shipment of an order.
	 * @param hold the stock to ship
	 * @param payment the payment that covers it
	 * @return the tracking number
	 */
	@SagaStep(name = "ship", compensation = "cancel")
	public String schedule(String hold, String payment) {
		this.simulation.perform("ship", "Scheduling the shipment of " + hold);
		String tracking = "track-" + UUID.randomUUID();
		this.ledger.done(tracking, "scheduled the shipment of " + hold);
		return tracking;
	}

	/**
	 * Cancel a shipment; does nothing for a shipment cancelled already.
	 * @param hold the stock to ship
	 * @param payment the payment that covers it
	 * @param tracking the tracking number, or {@code null} if scheduling never returned
	 */
	public void cancel(String hold, String payment, @Nullable String tracking) {
		this.ledger.undone((tracking != null) ? tracking : "unconfirmed shipment of " + hold,
				"cancelled the shipment of " + hold);
	}

	Map<String, String> shipments() {
		return this.ledger.entries();
	}

}
