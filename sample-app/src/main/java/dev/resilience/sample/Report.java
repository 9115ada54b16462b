package dev.resilience.sample;

import java.time.Instant;

/**
 * A report the shop has built.
 *
 * @param id the report
 * @param title its title
 * @param startedAt when building it started
 * @param completedAt when it was done
 * @author Resilience
 * @since 0.1.0
 */
public record Report(String id, String title, Instant startedAt, Instant completedAt) {

}
