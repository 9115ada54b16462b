package dev.resilience.sample.orders;

import java.util.UUID;

/**
 * A placed order: what each step of its saga returned.
 *
 * @param sagaId the saga execution, to look up at {@code /actuator/resilience/sagas/{id}}
 * @param hold the stock reservation
 * @param payment the payment
 * @param tracking the shipment's tracking number
 * @author Resilience
 * @since 0.1.0
 */
public record OrderConfirmation(UUID sagaId, String hold, String payment, String tracking) {

}
