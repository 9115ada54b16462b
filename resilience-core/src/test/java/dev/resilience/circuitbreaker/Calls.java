package dev.resilience.circuitbreaker;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import dev.resilience.core.ErrorClassifier;
import dev.resilience.core.ResilienceEvent;
import dev.resilience.testsupport.ManualTimeSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls made against a circuit breaker by hand, for tests.
 *
 * @author Resilience
 */
final class Calls {

	static final IOException TRANSIENT = new IOException("connection reset");

	private Calls() {
	}

	static CircuitBreaker breaker(CircuitBreakerConfig config, ManualTimeSource clock) {
		return new CircuitBreaker("inventory", config, ErrorClassifier.defaults(), clock);
	}

	static void fail(CircuitBreaker breaker, int times) {
		fail(breaker, times, Duration.ZERO);
	}

	static void fail(CircuitBreaker breaker, int times, Duration duration) {
		for (int i = 0; i < times; i++) {
			assertThat(breaker.tryAcquirePermission()).as("permission for failure %d", i + 1).isTrue();
			breaker.onError(duration.toNanos(), TRANSIENT);
		}
	}

	static void succeed(CircuitBreaker breaker, int times) {
		succeed(breaker, times, Duration.ZERO);
	}

	static void succeed(CircuitBreaker breaker, int times, Duration duration) {
		for (int i = 0; i < times; i++) {
			assertThat(breaker.tryAcquirePermission()).as("permission for success %d", i + 1).isTrue();
			breaker.onSuccess(duration.toNanos());
		}
	}

	static List<String> transitions(CircuitBreaker breaker) {
		return breaker.events()
			.recent()
			.stream()
			.filter((event) -> event.type().equals("STATE_TRANSITION"))
			.map(ResilienceEvent::message)
			.toList();
	}

}
