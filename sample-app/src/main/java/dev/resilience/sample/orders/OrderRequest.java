package dev.resilience.sample.orders;

/**
 * An order as posted to {@code /api/orders}.
 *
 * @param sku the article
 * @param quantity how many units
 * @param amountCents what the customer pays, in cents
 * @author Resilience
 * @since 0.1.0
 */
public record OrderRequest(String sku, int quantity, long amountCents) {

	public OrderRequest {
		if (sku == null || sku.isBlank()) {
			throw new IllegalArgumentException("sku must not be blank");
		}
		if (quantity < 1) {
			throw new IllegalArgumentException("quantity must be at least 1, but was " + quantity);
		}
		if (amountCents < 0) {
			throw new IllegalArgumentException("amountCents must not be negative, but was " + amountCents);
		}
	}

}
