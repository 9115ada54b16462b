package dev.resilience.core.internal;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Durations}.
 *
 * @author Resilience
 */
class DurationsTests {

	@ParameterizedTest
	@CsvSource({ "PT0S, 0ms", "PT-1S, 0ms", "PT0.000001S, 1ms", "PT0.45S, 450ms", "PT0.4501S, 451ms", "PT1S, 1s",
			"PT1.831550783S, 1.832s", "PT12S, 12s", "PT59.9999S, 60s", "PT1M, 1m", "PT2M30S, 2m30s", "PT1H0.5S, 1h1s",
			"PT3H15M, 3h15m" })
	void describesDurationsAsPeopleReadThem(Duration duration, String expected) {
		assertThat(Durations.describe(duration)).isEqualTo(expected);
	}

}
