package dev.resilience.actuate;

import java.io.IOException;
import java.io.UncheckedIOException;

import dev.resilience.annotation.CircuitBreaker;
import dev.resilience.annotation.Retry;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Web application with one resilient client, for the endpoint's HTTP tests.
 *
 * @author Resilience
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ResilienceEndpointTestApplication.InventoryClient.class)
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

}
