package dev.resilience.web;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import dev.resilience.annotation.CircuitBreaker;
import dev.resilience.autoconfigure.ResilienceWebAutoConfiguration;
import dev.resilience.bulkhead.BulkheadFullException;
import dev.resilience.circuitbreaker.CircuitBreaker.State;
import dev.resilience.circuitbreaker.CircuitBreakerOpenException;
import dev.resilience.ratelimiter.RateLimitExceededException;
import dev.resilience.timelimiter.TimeLimitExceededException;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Web application whose endpoints end in each rejection, served by Spring MVC or, with
 * {@code spring.main.web-application-type=reactive}, by Spring WebFlux.
 *
 * @author Resilience
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ImportAutoConfiguration(ResilienceWebAutoConfiguration.class)
@Import({ ProblemDetailsTestApplication.RejectingController.class,
		ProblemDetailsTestApplication.InventoryClient.class })
class ProblemDetailsTestApplication {

	static RateLimitExceededException rateLimitRejection() {
		return new RateLimitExceededException("orders", Duration.ofMillis(1200));
	}

	static CircuitBreakerOpenException circuitBreakerRejection() {
		return new CircuitBreakerOpenException("payments", State.OPEN, Duration.ofSeconds(30));
	}

	static BulkheadFullException bulkheadRejection() {
		return new BulkheadFullException("reports", 10, Duration.ZERO);
	}

	static TimeLimitExceededException timeLimitRejection() {
		return new TimeLimitExceededException("search", Duration.ofSeconds(2));
	}

	/**
	 * Endpoints that throw each rejection, and endpoints that call a circuit breaker.
	 */
	@RestController
	static class RejectingController {

		private final InventoryClient inventory;

		RejectingController(InventoryClient inventory) {
			this.inventory = inventory;
		}

		@GetMapping("/rate-limited")
		String rateLimited() {
			throw rateLimitRejection();
		}

		@GetMapping("/circuit-open")
		String circuitOpen() {
			throw circuitBreakerRejection();
		}

		@GetMapping("/bulkhead-full")
		String bulkheadFull() {
			throw bulkheadRejection();
		}

		@GetMapping("/timed-out")
		String timedOut() {
			throw timeLimitRejection();
		}

		@GetMapping("/stock")
		int stock() {
			return this.inventory.stock();
		}

		@GetMapping("/stock-async")
		CompletableFuture<Integer> stockAsync() {
			return this.inventory.stockAsync();
		}

	}

	/**
	 * Client of a remote inventory behind the {@code inventory} circuit breaker.
	 */
	public static class InventoryClient {

		@CircuitBreaker(name = "inventory")
		public int stock() {
			return 42;
		}

		@CircuitBreaker(name = "inventory")
		public CompletableFuture<Integer> stockAsync() {
			return CompletableFuture.completedFuture(42);
		}

	}

}
