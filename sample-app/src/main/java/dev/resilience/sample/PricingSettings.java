package dev.resilience.sample;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The behaviour of the simulated pricing service, as read and changed through
 * {@code /api/pricing}. In a change, a {@code null} value keeps the current one.
 *
 * @param latency how long every call takes, as an ISO-8601 duration such as {@code PT2S}
 * @author Resilience
 * @since 0.1.0
 */
public record PricingSettings(@Nullable Duration latency) {

}
