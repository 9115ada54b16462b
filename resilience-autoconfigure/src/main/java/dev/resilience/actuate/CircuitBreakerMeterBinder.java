package dev.resilience.actuate;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@link MeterBinder} for every circuit breaker of a registry, those that exist when it
 * is bound and those created later. Each breaker, tagged {@code name}, gets:
 * <ul>
 * <li>{@code resilience.circuitbreaker.calls}: a timer per {@code outcome}
 * ({@code success}, {@code failure}, {@code slow_success}, {@code slow_failure},
 * {@code not_permitted}, {@code ignored});</li>
 * <li>{@code resilience.circuitbreaker.state}: a gauge per {@code state} ({@code closed},
 * {@code open}, {@code half_open}, {@code forced_open}, {@code disabled}), 1 for the
 * current state and 0 for the others. It has no base unit: it is an indicator, and a unit
 * would only lengthen its exported name;</li>
 * <li>{@code resilience.circuitbreaker.failure.rate}: a gauge of the failure rate in
 * percent, {@code NaN} while too few calls were made to compute it (a gauge cannot be
 * skipped once registered, and {@code NaN} is what Micrometer reports for a value that
 * does not exist).</li>
 * </ul>
 *
 * @author Resilience
 * @since 0.1.0
 */
public class CircuitBreakerMeterBinder implements MeterBinder {

	private static final String CALLS = "resilience.circuitbreaker.calls";

	private static final String STATE = "resilience.circuitbreaker.state";

	private static final String FAILURE_RATE = "resilience.circuitbreaker.failure.rate";

	private final CircuitBreakerRegistry circuitBreakers;

	/**
	 * Create a binder for the circuit breakers of the given registry.
	 * @param circuitBreakers the registry
	 */
	public CircuitBreakerMeterBinder(CircuitBreakerRegistry circuitBreakers) {
		this.circuitBreakers = circuitBreakers;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.circuitBreakers.forEachAndOnAdded((circuitBreaker) -> bind(circuitBreaker, registry));
	}

	private void bind(CircuitBreaker circuitBreaker, MeterRegistry registry) {
		Tags tags = Tags.of("name", circuitBreaker.name());
		CircuitBreaker.Outcome[] outcomes = CircuitBreaker.Outcome.values();
		Timer[] timers = new Timer[outcomes.length];
		for (CircuitBreaker.Outcome outcome : outcomes) {
			timers[outcome.ordinal()] = Timer.builder(CALLS)
				.description("Calls through the circuit breaker, by outcome")
				.tags(tags)
				.tag("outcome", tagValue(outcome))
				.register(registry);
		}
		circuitBreaker.addCallObserver(new TimingObserver(timers));
		for (CircuitBreaker.State state : CircuitBreaker.State.values()) {
			Gauge.builder(STATE, circuitBreaker, (breaker) -> (breaker.state() == state) ? 1 : 0)
				.description("Whether the circuit breaker is in the state: 1 if it is, 0 if not")
				.tags(tags)
				.tag("state", tagValue(state))
				.register(registry);
		}
		Gauge.builder(FAILURE_RATE, circuitBreaker, CircuitBreakerMeterBinder::failureRate)
			.description("Percentage of failed calls in the circuit breaker's window")
			.baseUnit(BaseUnits.PERCENT)
			.tags(tags)
			.register(registry);
	}

	private static double failureRate(CircuitBreaker circuitBreaker) {
		float rate = circuitBreaker.metrics().failureRate();
		return (rate < 0) ? Double.NaN : rate;
	}

	private static String tagValue(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Records each call in the timer of its outcome, resolved once per breaker.
	 */
	private static final class TimingObserver implements CircuitBreaker.CallObserver {

		private final Timer[] timers;

		TimingObserver(Timer[] timers) {
			this.timers = timers;
		}

		@Override
		public void onCall(CircuitBreaker.Outcome outcome, long durationNanos) {
			this.timers[outcome.ordinal()].record(durationNanos, TimeUnit.NANOSECONDS);
		}

	}

}
