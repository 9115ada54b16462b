/**
 * Circuit breaker: stops calling a failing downstream and probes it before trusting it
 * again.
 */
@NullMarked
package dev.resilience.circuitbreaker;

import org.jspecify.annotations.NullMarked;
