package dev.resilience.sample.orders;

import java.util.Objects;

import dev.resilience.annotation.Saga;
import dev.resilience.saga.SagaContext;

import org.springframework.stereotype.Service;

/**
 * Places orders as a saga: reserve the stock, charge the payment, schedule the shipment.
 * When a step fails, the steps taken before it are undone latest first; if the
 * application stops in the middle, the next start (or another instance) undoes them from
 * the saga log.
 *
 * @author Resilience
 * @since 0.1.0
 */
@Service
public class OrderService {

	private final Warehouse warehouse;

	private final PaymentGateway payments;

	private final Carrier carrier;

	OrderService(Warehouse warehouse, PaymentGateway payments, Carrier carrier) {
		this.warehouse = warehouse;
		this.payments = payments;
		this.carrier = carrier;
	}

	/**
	 * Place an order.
	 * @param order the order
	 * @return what each step returned
	 * @throws OrderFailedException when a step failed, once the steps before it were
	 * compensated
	 */
	@Saga(name = "place-order")
	public OrderConfirmation place(OrderRequest order) {
		SagaContext saga = Objects.requireNonNull(SagaContext.current(), "no saga is current");
		try {
			String hold = this.warehouse.reserve(order.sku(), order.quantity());
			String payment = this.payments.charge(order.sku(), order.amountCents());
			String tracking = this.carrier.schedule(hold, payment);
			return new OrderConfirmation(saga.id(), hold, payment, tracking);
		}
		catch (RuntimeException ex) {
			throw new OrderFailedException(saga.id(), ex);
		}
	}

}
