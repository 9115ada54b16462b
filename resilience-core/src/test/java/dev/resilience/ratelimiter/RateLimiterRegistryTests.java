package dev.resilience.ratelimiter;

import java.time.Duration;
import java.util.Map;

import dev.resilience.testsupport.ManualTimeSource;
import org.junit.jupiter.api.Test;

import static dev.resilience.ratelimiter.Limiters.NO_SCHEDULE;
import static dev.resilience.ratelimiter.Limiters.NO_SLEEP;
import static dev.resilience.ratelimiter.Limiters.drain;
import static dev.resilience.ratelimiter.Limiters.tokenBucket;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RateLimiterRegistry}.
 *
 * @author Resilience
 */
class RateLimiterRegistryTests {

	private static final RateLimiterConfig DEFAULTS = tokenBucket(10, Duration.ofSeconds(1), 3);

	private static final RateLimiterConfig SEARCH = tokenBucket(5, Duration.ofSeconds(1), 1);

	private final ManualTimeSource clock = new ManualTimeSource();

	private final RateLimiterRegistry registry = new RateLimiterRegistry(DEFAULTS, Map.of("search", SEARCH), this.clock,
			NO_SLEEP, NO_SCHEDULE);

	@Test
	void createsNamedInstancesAtOnce() {
		assertThat(this.registry.find("search")).hasValueSatisfying((limiter) -> {
			assertThat(limiter.name()).isEqualTo("search");
			assertThat(limiter.config()).isEqualTo(SEARCH);
		});
		assertThat(this.registry.find("other")).isEmpty();
	}

	@Test
	void createsOtherInstancesFromTheDefaultsOnFirstUse() {
		RateLimiter limiter = this.registry.get("other");
		assertThat(limiter.config()).isEqualTo(DEFAULTS);
		assertThat(this.registry.get("other")).isSameAs(limiter);
		assertThat(this.registry.all()).extracting(RateLimiter::name).containsExactly("other", "search");
	}

	@Test
	void answersTheConfigurationOfAnyName() {
		assertThat(this.registry.configFor("search")).isEqualTo(SEARCH);
		assertThat(this.registry.configFor("unknown")).isEqualTo(DEFAULTS);
	}

	@Test
	void givesInstancesTheRegistrysClock() {
		RateLimiter limiter = this.registry.get("search");
		assertThat(drain(limiter, RateLimiter.DEFAULT_KEY)).isOne();
		this.clock.advanceMillis(200);
		assertThat(drain(limiter, RateLimiter.DEFAULT_KEY)).isOne();
	}

	@Test
	void ofDefaultsUsesTheDefaultConfiguration() {
		RateLimiterRegistry defaults = RateLimiterRegistry.ofDefaults();
		assertThat(defaults.get("any").config()).isEqualTo(RateLimiterConfig.ofDefaults());
		assertThat(defaults.get("any").reserve(RateLimiter.DEFAULT_KEY, 0)).isZero();
	}

}
