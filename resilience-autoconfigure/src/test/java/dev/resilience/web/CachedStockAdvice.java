package dev.resilience.web;

import dev.resilience.circuitbreaker.CircuitBreakerOpenException;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * An application's own advice for open circuit breakers, which must win over the
 * auto-configured one.
 *
 * @author Resilience
 */
@RestControllerAdvice
class CachedStockAdvice {

	@ExceptionHandler(CircuitBreakerOpenException.class)
	ResponseEntity<String> cachedStock(CircuitBreakerOpenException rejection) {
		return ResponseEntity.ok("cached by " + rejection.getInstanceName());
	}

}
