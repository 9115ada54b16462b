package dev.resilience.actuate;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;

import dev.resilience.ratelimiter.RateLimiter;
import dev.resilience.ratelimiter.RateLimiterMetrics;
import dev.resilience.ratelimiter.RateLimiterRegistry;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * {@link MeterBinder} for every rate limiter of a registry, those that exist when it is
 * bound and those created later. Each rate limiter, tagged {@code name}, gets
 * {@code resilience.ratelimiter.calls}: a counter per {@code outcome} ({@code permitted},
 * {@code rejected}) that reads the rate limiter's own counters, over all its keys (keys
 * are never a tag, as their number is unbounded).
 * <p>
 * The binder also logs one warning per rate limiter, under the
 * {@code dev.resilience.ratelimiter.RateLimiter} category, the first time it rejects a
 * call because it already tracks {@code max-keys} keys; later such rejections are only
 * counted, in {@code rejected} and in the endpoint's {@code keyCapRejections}.
 *
 * @author Resilience
 * @since 0.1.0
 */
public class RateLimiterMeterBinder implements MeterBinder {

	private static final String CALLS = "resilience.ratelimiter.calls";

	// Logged where users look for the rate limiter's own messages
	private static final Log logger = LogFactory.getLog(RateLimiter.class);

	private final RateLimiterRegistry rateLimiters;

	// A rate limiter may be reported more than once, and the binder bound to several
	// meter registries: it must still warn only once
	private final Set<RateLimiter> watched = ConcurrentHashMap.newKeySet();

	/**
	 * Create a binder for the rate limiters of the given registry.
	 * @param rateLimiters the registry
	 */
	public RateLimiterMeterBinder(RateLimiterRegistry rateLimiters) {
		this.rateLimiters = rateLimiters;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.rateLimiters.forEachAndOnAdded((rateLimiter) -> bind(rateLimiter, registry));
	}

	private void bind(RateLimiter rateLimiter, MeterRegistry registry) {
		Tags tags = Tags.of("name", rateLimiter.name());
		RateLimiterMetrics metrics = rateLimiter.metrics();
		register(registry, tags, metrics, "permitted", RateLimiterMetrics::permittedCalls);
		register(registry, tags, metrics, "rejected", RateLimiterMetrics::rejectedCalls);
		if (this.watched.add(rateLimiter)) {
			rateLimiter.addKeyCapListener(RateLimiterMeterBinder::warnKeyCapReached);
		}
	}

	private void register(MeterRegistry registry, Tags tags, RateLimiterMetrics metrics, String outcome,
			ToLongFunction<RateLimiterMetrics> count) {
		FunctionCounter.builder(CALLS, metrics, (counters) -> count.applyAsLong(counters))
			.description("Calls through the rate limiter, by outcome")
			.baseUnit("calls")
			.tags(tags)
			.tag("outcome", outcome)
			.register(registry);
	}

	private static void warnKeyCapReached(RateLimiter rateLimiter) {
		String name = rateLimiter.name();
		logger.warn("Rate limiter '" + name + "' rejected a call with a new key: it already tracks as many keys "
				+ "as max-keys allows (" + rateLimiter.config().maxKeys() + "), none of them idle. Calls with new "
				+ "keys are rejected until buckets go idle; raise resilience.rate-limiter.instances." + name
				+ ".max-keys, or key by something with fewer distinct values. Later such rejections are counted "
				+ "in keyCapRejections, not logged.");
	}

}
