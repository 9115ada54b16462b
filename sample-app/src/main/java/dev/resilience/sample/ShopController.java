package dev.resilience.sample;

import java.util.concurrent.CompletableFuture;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shop's stock lookups.
 *
 * @author Resilience
 * @since 0.1.0
 */
@RestController
@RequestMapping("/api/stock")
class ShopController {

	private final InventoryClient inventory;

	ShopController(InventoryClient inventory) {
		this.inventory = inventory;
	}

	@GetMapping("/{sku}")
	Stock stock(@PathVariable String sku) {
		return this.inventory.stock(sku);
	}

	@GetMapping("/{sku}/async")
	CompletableFuture<Stock> stockAsync(@PathVariable String sku) {
		return this.inventory.stockAsync(sku);
	}

}
