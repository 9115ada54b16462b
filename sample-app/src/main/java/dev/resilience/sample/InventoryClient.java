package dev.resilience.sample;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import dev.resilience.annotation.CircuitBreaker;
import dev.resilience.annotation.Retry;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * Asks the inventory service for stock levels. Transient failures are retried; when the
 * service keeps failing, the circuit breaker stops calling it for a while; either way the
 * caller gets the last known answer from a cache, marked as such.
 *
 * @author Resilience
 * @since 0.1.0
 */
@Service
public class InventoryClient {

	private final FlakyDownstream downstream;

	private final Executor executor;

	private final Map<String, Stock> lastKnown = new ConcurrentHashMap<>();

	InventoryClient(FlakyDownstream downstream, @Qualifier("inventoryExecutor") Executor executor) {
		this.downstream = downstream;
		this.executor = executor;
	}

	/**
	 * Return the stock of an article, live from the inventory service or, when that
	 * fails, from the cache.
	 * @param sku the article
	 * @return the stock
	 */
	@Retry(name = "inventory")
	@CircuitBreaker(name = "inventory", fallbackMethod = "cachedStock")
	public Stock stock(String sku) {
		return remember(Stock.live(sku, this.downstream.unitsInStock(sku)));
	}

	/**
	 * Return the stock of an article without blocking the caller: the call runs on the
	 * inventory executor, and retry delays do not hold a thread.
	 * @param sku the article
	 * @return the stock, live or from the cache
	 */
	@Retry(name = "inventory")
	@CircuitBreaker(name = "inventory", fallbackMethod = "cachedStockAsync")
	public CompletableFuture<Stock> stockAsync(String sku) {
		return CompletableFuture.supplyAsync(() -> remember(Stock.live(sku, this.downstream.unitsInStock(sku))),
				this.executor);
	}

	Stock cachedStock(String sku, Throwable cause) {
		Stock known = this.lastKnown.get(sku);
		return (known != null) ? known.stale(cause) : Stock.unknown(sku, cause);
	}

	CompletableFuture<Stock> cachedStockAsync(String sku, Throwable cause) {
		return CompletableFuture.completedFuture(cachedStock(sku, cause));
	}

	private Stock remember(Stock stock) {
		this.lastKnown.put(stock.sku(), stock);
		return stock;
	}

}
