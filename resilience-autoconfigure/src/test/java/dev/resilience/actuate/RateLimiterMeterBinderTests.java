package dev.resilience.actuate;

import java.time.Duration;
import java.util.Map;

import dev.resilience.core.Scheduler;
import dev.resilience.core.Sleeper;
import dev.resilience.ratelimiter.RateLimiter;
import dev.resilience.ratelimiter.RateLimiterConfig;
import dev.resilience.ratelimiter.RateLimiterRegistry;
import dev.resilience.testsupport.ManualTimeSource;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RateLimiterMeterBinder}.
 *
 * @author Resilience
 */
@ExtendWith(OutputCaptureExtension.class)
class RateLimiterMeterBinderTests {

	private static final RateLimiterConfig SEARCH = RateLimiterConfig.builder()
		.limit(1)
		.period(Duration.ofMinutes(1))
		.burst(2)
		.maxKeys(1)
		.build();

	private static final String KEY_CAP_WARNING = "Rate limiter 'search' rejected a call with a new key";

	private final RateLimiterRegistry rateLimiters = new RateLimiterRegistry(RateLimiterConfig.ofDefaults(),
			Map.of("search", SEARCH), new ManualTimeSource(), Sleeper.system(), Scheduler.commonPool());

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@Test
	void registersCounterPerOutcomeForExistingInstances() {
		new RateLimiterMeterBinder(this.rateLimiters).bindTo(this.meters);
		assertThat(this.meters.find("resilience.ratelimiter.calls").tag("name", "search").functionCounters())
			.extracting((counter) -> counter.getId().getTag("outcome"))
			.containsExactlyInAnyOrder("permitted", "rejected");
	}

	@Test
	void registersCountersForInstancesCreatedAfterBinding() {
		new RateLimiterMeterBinder(this.rateLimiters).bindTo(this.meters);
		assertThat(this.meters.find("resilience.ratelimiter.calls").tag("name", "orders").functionCounters()).isEmpty();
		this.rateLimiters.get("orders");
		assertThat(this.meters.find("resilience.ratelimiter.calls").tag("name", "orders").functionCounters())
			.hasSize(2);
	}

	@Test
	void countersReadPermitsAndRejectionsOverAllKeysWithoutKeyTag() {
		new RateLimiterMeterBinder(this.rateLimiters).bindTo(this.meters);
		RateLimiter search = this.rateLimiters.get("search");
		search.reserve(RateLimiter.DEFAULT_KEY, 0);
		search.reserve(RateLimiter.DEFAULT_KEY, 0);
		search.reserve(RateLimiter.DEFAULT_KEY, 0);
		search.reserve("alice", 0);
		search.reserve("bob", 0);
		assertThat(count("permitted")).isEqualTo(3);
		assertThat(count("rejected")).isEqualTo(2);
		assertThat(this.meters.getMeters())
			.allSatisfy((meter) -> assertThat(meter.getId().getTags()).extracting(Tag::getKey)
				.containsExactlyInAnyOrder("name", "outcome"));
	}

	@Test
	void everyCounterHasDescriptionBaseUnitAndNameTag() {
		new RateLimiterMeterBinder(this.rateLimiters).bindTo(this.meters);
		assertThat(this.meters.getMeters()).hasSize(2).allSatisfy((meter) -> {
			assertThat(meter.getId().getDescription()).isNotBlank();
			assertThat(meter.getId().getBaseUnit()).isEqualTo("calls");
			assertThat(meter.getId().getTags()).contains(Tag.of("name", "search"));
		});
	}

	@Test
	void exportsPrometheusNames() {
		PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		new RateLimiterMeterBinder(this.rateLimiters).bindTo(prometheus);
		this.rateLimiters.get("search").reserve(RateLimiter.DEFAULT_KEY, 0);
		assertThat(prometheus.scrape())
			.contains("resilience_ratelimiter_calls_total{name=\"search\",outcome=\"permitted\"} 1")
			.contains("resilience_ratelimiter_calls_total{name=\"search\",outcome=\"rejected\"} 0");
	}

	@Test
	void warnsOnceWhenKeyCapFirstRejectsACall(CapturedOutput output) {
		new RateLimiterMeterBinder(this.rateLimiters).bindTo(this.meters);
		RateLimiter search = this.rateLimiters.get("search");
		assertThat(search.reserve("alice", 0)).isZero();
		assertThat(output).doesNotContain(KEY_CAP_WARNING);
		assertThat(search.reserve("bob", 0)).isEqualTo(RateLimiter.NO_PERMIT);
		assertThat(search.reserve("carol", 0)).isEqualTo(RateLimiter.NO_PERMIT);
		assertThat(output.getOut()).containsOnlyOnce(KEY_CAP_WARNING)
			.contains("WARN")
			.contains("dev.resilience.ratelimiter.RateLimiter")
			.contains("as many keys as max-keys allows (1)")
			.contains("resilience.rate-limiter.instances.search.max-keys");
		assertThat(search.metrics().keyCapRejections()).isEqualTo(2);
	}

	@Test
	void warnsOnceWhenBoundToSeveralMeterRegistries(CapturedOutput output) {
		RateLimiterMeterBinder binder = new RateLimiterMeterBinder(this.rateLimiters);
		binder.bindTo(this.meters);
		binder.bindTo(new SimpleMeterRegistry());
		RateLimiter search = this.rateLimiters.get("search");
		search.reserve("alice", 0);
		search.reserve("bob", 0);
		assertThat(output.getOut()).containsOnlyOnce(KEY_CAP_WARNING);
	}

	@Test
	void warnsOnceForEachInstanceWhoseKeyCapBites(CapturedOutput output) {
		RateLimiterRegistry rateLimiters = new RateLimiterRegistry(SEARCH, Map.of(), new ManualTimeSource(),
				Sleeper.system(), Scheduler.commonPool());
		new RateLimiterMeterBinder(rateLimiters).bindTo(this.meters);
		for (String name : new String[] { "search", "tenants" }) {
			RateLimiter rateLimiter = rateLimiters.get(name);
			rateLimiter.reserve("alice", 0);
			rateLimiter.reserve("bob", 0);
			rateLimiter.reserve("carol", 0);
		}
		assertThat(output.getOut()).containsOnlyOnce(KEY_CAP_WARNING)
			.containsOnlyOnce("Rate limiter 'tenants' rejected a call with a new key");
	}

	private double count(String outcome) {
		FunctionCounter counter = this.meters.get("resilience.ratelimiter.calls")
			.tags("name", "search", "outcome", outcome)
			.functionCounter();
		return counter.count();
	}

}
