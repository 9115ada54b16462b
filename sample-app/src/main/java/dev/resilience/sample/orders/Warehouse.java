package dev.resilience.sample.orders;

import java.util.Map;
import java.util.UUID;

import dev.resilience.annotation.SagaStep;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The simulated warehouse: holds stock for an order, and releases the hold when the order
 * is rolled back.
 *
 * @author Resilience
 * @since 0.1.0
 */
@Component
public class Warehouse {

	private final OrderSimulation simulation;

	private final Ledger ledger = new Ledger("warehouse");

	Warehouse(OrderSimulation simulation) {
		this.simulation = simulation;
	}

	/**
	 * Hold stock for an order.
	 * @param sku the article
	 * @param quantity how many units
	 * @return the hold's reference
	 */
	@SagaStep(name = "reserve", compensation = "release")
	public String reserve(String sku, int quantity) {
		this.simulation.perform("reserve", "Reserving " + quantity + " x " + sku);
		String hold = "hold-" + UUID.randomUUID();
		this.ledger.done(hold, "reserved " + quantity + " x " + sku);
		return hold;
	}

	/**
	 * Release a hold; does nothing for a hold released already. Also called for a hold
	 * whose reservation was in flight when the order failed or the application stopped,
	 * then without the hold's reference.
	 * @param sku the article
	 * @param quantity how many units
	 * @param hold the hold's reference, or {@code null} if the reservation never returned
	 */
	public void release(String sku, int quantity, @Nullable String hold) {
		this.ledger.undone((hold != null) ? hold : "unconfirmed hold of " + sku, "released " + quantity + " x " + sku);
	}

	Map<String, String> holds() {
		return this.ledger.entries();
	}

}
