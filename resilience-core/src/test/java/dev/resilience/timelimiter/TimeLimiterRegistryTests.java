package dev.resilience.timelimiter;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.resilience.core.ContextPropagator;

import dev.resilience.testsupport.ManualScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TimeLimiterRegistry}.
 */
class TimeLimiterRegistryTests {

	private static final TimeLimiterConfig DEFAULTS = TimeLimiterConfig.builder()
		.timeout(Duration.ofSeconds(2))
		.build();

	private static final TimeLimiterConfig SLOW = TimeLimiterConfig.builder()
		.timeout(Duration.ofSeconds(10))
		.cancelRunning(false)
		.build();

	private final ExecutorService executor = Executors.newSingleThreadExecutor();

	private final ThreadLocalPropagator propagator = new ThreadLocalPropagator();

	private final TimeLimiterRegistry registry = new TimeLimiterRegistry(DEFAULTS, Map.of("slow", SLOW), this.executor,
			new ManualScheduler(), this.propagator);

	@AfterEach
	void shutDown() {
		this.executor.shutdownNow();
	}

	@Test
	void createsNamedInstancesAtTheStart() {
		assertThat(this.registry.all()).extracting(TimeLimiter::name).containsExactly("slow");
		assertThat(this.registry.find("slow")).get().extracting(TimeLimiter::config).isEqualTo(SLOW);
	}

	@Test
	void configuresOtherNamesFromTheDefaults() {
		TimeLimiter other = this.registry.get("other");
		assertThat(other.config()).isEqualTo(DEFAULTS);
		assertThat(this.registry.get("other")).isSameAs(other);
		assertThat(this.registry.all()).extracting(TimeLimiter::name).containsExactly("other", "slow");
	}

	@Test
	void reportsTheConfigOfAnyName() {
		assertThat(this.registry.configFor("slow")).isEqualTo(SLOW);
		assertThat(this.registry.configFor("unknown")).isEqualTo(DEFAULTS);
		assertThat(this.registry.find("unknown")).isEmpty();
	}

	@Test
	void instancesShareTheExecutorAndPropagator() throws Throwable {
		ThreadLocalPropagator.CONTEXT.set("caller");
		try {
			String seen = this.registry.get("a").execute("ctx", (context) -> ThreadLocalPropagator.CONTEXT.get());
			Thread first = this.registry.get("a").execute("ctx", (context) -> Thread.currentThread());
			Thread second = this.registry.get("b").execute("ctx", (context) -> Thread.currentThread());
			assertThat(seen).isEqualTo("caller");
			assertThat(second).isSameAs(first);
		}
		finally {
			ThreadLocalPropagator.CONTEXT.remove();
		}
		assertThat(this.propagator.wrapped()).isEqualTo(3);
	}

	@Test
	void copiesTheInstancesItIsGiven() {
		Map<String, TimeLimiterConfig> instances = new LinkedHashMap<>();
		instances.put("first", SLOW);
		TimeLimiterRegistry registry = new TimeLimiterRegistry(DEFAULTS, instances, this.executor,
				new ManualScheduler(), ContextPropagator.none());
		instances.put("first", DEFAULTS);
		assertThat(registry.configFor("first")).isEqualTo(SLOW);
	}

	@Test
	void ofDefaultsUsesTheDefaultConfig() throws Throwable {
		TimeLimiterRegistry registry = TimeLimiterRegistry.ofDefaults();
		assertThat(registry.all()).isEmpty();
		TimeLimiter limiter = registry.get("any");
		assertThat(limiter.config()).isEqualTo(TimeLimiterConfig.ofDefaults());
		String result = limiter.execute("ctx", (context) -> context + "!");
		assertThat(result).isEqualTo("ctx!");
	}

}
