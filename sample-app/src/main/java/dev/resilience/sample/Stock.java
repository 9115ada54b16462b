package dev.resilience.sample;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What the shop knows about the stock of one article.
 *
 * @param sku the article
 * @param quantity units available, or {@code null} when the inventory service could not
 * be asked and no earlier answer is cached
 * @param source {@value #LIVE} when the inventory service answered, {@value #CACHE} when
 * the answer comes from the cache of earlier answers
 * @param asOf when the inventory service gave the answer
 * @param cause class name of the failure that made the shop fall back to the cache, or
 * {@code null} for a live answer
 * @author Resilience
 * @since 0.1.0
 */
public record Stock(String sku, @Nullable Integer quantity, String source, @Nullable Instant asOf,
		@Nullable String cause) {

	/**
	 * Source of an answer given by the inventory service.
	 */
	public static final String LIVE = "live";

	/**
	 * Source of an answer taken from the cache.
	 */
	public static final String CACHE = "cache";

	static Stock live(String sku, int quantity) {
		return new Stock(sku, quantity, LIVE, Instant.now(), null);
	}

	Stock stale(Throwable cause) {
		return new Stock(this.sku, this.quantity, CACHE, this.asOf, cause.getClass().getName());
	}

	static Stock unknown(String sku, Throwable cause) {
		return new Stock(sku, null, CACHE, null, cause.getClass().getName());
	}

}
