package dev.resilience.sample.orders;

import java.util.Map;
import java.util.UUID;

import dev.resilience.annotation.SagaStep;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The simulated payment service: charges an order, and refunds it when the order is
 * rolled back.
 *
 * @author Resilience
 * @since 0.1.0
 */
@Component
public class PaymentGateway {

	private final OrderSimulation simulation;

	private final Ledger ledger = new Ledger("payments");

	PaymentGateway(OrderSimulation simulation) {
		this.simulation = simulation;
	}

	/**
	 * Charge the customer for an order.
	 * @param sku the article paid for
	 * @param amountCents the amount, in cents
	 * @return the payment's reference
	 */
	@SagaStep(name = "charge", compensation = "refund")
	public String charge(String sku, long amountCents) {
		this.simulation.perform("charge", "Charging " + amountCents + " cents");
		String payment = "pay-" + UUID.randomUUID();
		this.ledger.done(payment, "charged " + amountCents + " cents for " + sku);
		return payment;
	}

	/**
	 * Refund a payment; does nothing for a payment refunded already.
	 * @param sku the article paid for
	 * @param amountCents the amount, in cents
	 * @param payment the payment's reference, or {@code null} if the charge never
	 * returned
	 */
	public void refund(String sku, long amountCents, @Nullable String payment) {
		this.ledger.undone((payment != null) ? payment : "unconfirmed payment for " + sku,
				"refunded " + amountCents + " cents");
	}

	Map<String, String> payments() {
		return this.ledger.entries();
	}

}
