package dev.resilience.actuate;

import java.io.IOException;
import java.io.UncheckedIOException;

import dev.resilience.annotation.Bulkhead;
import dev.resilience.annotation.CircuitBreaker;
import dev.resilience.annotation.RateLimited;
import dev.resilience.annotation.Retry;
import dev.resilience.annotation.TimeLimited;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Web application with resilient clients, for the endpoint's HTTP tests.
 *
 * @author Resilience
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ ResilienceEndpointTestApplication.InventoryClient.class,
		ResilienceEndpointTestApplication.CatalogClient.class })
class ResilienceEndpointTestApplication {

	/**
	 * Client of a remote inventory that fails while told to.
	 */
	public static class InventoryClient {

		private volatile boolean failing;

		void failing(boolean failing) {
			this.failing = failing;
		}

		@Retry(name = "inventory")
		@CircuitBreaker(name = "inventory")
		public int stock(String sku) {
			if (this.failing) {
				throw new UncheckedIOException(new IOException("Inventory of " + sku + " unavailable"));
			}
			return 42;
		}

	}

	/**
	 * Client of a remote catalog, limited in rate, time and concurrency.
	 */
	public static class CatalogClient {

		@RateLimited(name = "catalog")
		@TimeLimited(name = "catalog")
		@Bulkhead(name = "catalog")
		public int price(String sku) {
			return 7;
		}

	}

}
