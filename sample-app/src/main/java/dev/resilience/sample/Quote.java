package dev.resilience.sample;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The price of a symbol, as the shop knows it.
 *
 * @param symbol the symbol
 * @param price the price, or {@code null} when the pricing service could not be asked in
 * time and no earlier answer is known
 * @param source {@value #LIVE} when the pricing service answered in time, {@value #STALE}
 * when the answer is the last one it gave
 * @param asOf when the pricing service gave the answer
 * @param cause class name of the failure that made the shop answer a stale quote, or
 * {@code null} for a live answer
 * @author Resilience
 * @since 0.1.0
 */
public record Quote(String symbol, @Nullable BigDecimal price, String source, @Nullable Instant asOf,
		@Nullable String cause) {

	/**
	 * Source of an answer given by the pricing service.
	 */
	public static final String LIVE = "live";

	/**
	 * Source of an earlier answer, given again.
	 */
	public static final String STALE = "stale";

	static Quote live(String symbol, BigDecimal price) {
		return new Quote(symbol, price, LIVE, Instant.now(), null);
	}

	Quote stale(Throwable cause) {
		return new Quote(this.symbol, this.price, STALE, this.asOf, cause.getClass().getName());
	}

	static Quote unknown(String symbol, Throwable cause) {
		return new Quote(symbol, null, STALE, null, cause.getClass().getName());
	}

}
