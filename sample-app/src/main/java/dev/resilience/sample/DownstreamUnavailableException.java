package dev.resilience.sample;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Thrown when a simulated downstream service fails. An I/O failure: transient, so it is
 * retried and counts against a circuit breaker.
 *
 * @author Resilience
 * @since 0.1.0
 */
public class DownstreamUnavailableException extends UncheckedIOException {

	DownstreamUnavailableException(String message) {
		super(message, new IOException(message));
	}

}
