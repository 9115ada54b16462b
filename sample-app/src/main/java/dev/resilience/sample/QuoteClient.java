package dev.resilience.sample;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.resilience.annotation.TimeLimited;

import org.springframework.stereotype.Service;

/**
 * Asks the pricing service for quotes, but never waits for it longer than the time
 * limiter's timeout: a shopper would rather see the last known price, marked as such,
 * than a spinning page. The late call is interrupted, which frees its thread.
 *
 * @author Resilience
 * @since 0.1.0
 */
@Service
public class QuoteClient {

	private final SlowPricing pricing;

	private final Map<String, Quote> lastKnown = new ConcurrentHashMap<>();

	QuoteClient(SlowPricing pricing) {
		this.pricing = pricing;
	}

	/**
	 * Return the quote of a symbol, live from the pricing service or, when that takes too
	 * long or fails, the last one it gave.
	 * @param symbol the symbol
	 * @return the quote
	 */
	@TimeLimited(name = "quotes", fallbackMethod = "staleQuote")
	public Quote quote(String symbol) {
		Quote quote = Quote.live(symbol, this.pricing.price(symbol));
		this.lastKnown.put(symbol, quote);
		return quote;
	}

	Quote staleQuote(String symbol, Throwable cause) {
		Quote known = this.lastKnown.get(symbol);
		return (known != null) ? known.stale(cause) : Quote.unknown(symbol, cause);
	}

}
