package dev.resilience.sample;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shop's price quotes, {@code GET /api/quotes/{symbol}}, answered within half a
 * second, live or stale.
 *
 * @author Resilience
 * @since 0.1.0
 */
@RestController
class QuoteController {

	private final QuoteClient quotes;

	QuoteController(QuoteClient quotes) {
		this.quotes = quotes;
	}

	@GetMapping("/api/quotes/{symbol}")
	Quote quote(@PathVariable String symbol) {
		return this.quotes.quote(symbol);
	}

}
