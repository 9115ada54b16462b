package dev.resilience.sample;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The behaviour of the simulated inventory service, as read and changed through
 * {@code /api/downstream}. In a change, a {@code null} value keeps the current one.
 *
 * @param failureRate fraction of calls that fail, from 0 to 1
 * @param latency how long every call takes, as an ISO-8601 duration such as
 * {@code PT0.05S}
 * @author Resilience
 * @since 0.1.0
 */
public record DownstreamSettings(@Nullable Double failureRate, @Nullable Duration latency) {

}
