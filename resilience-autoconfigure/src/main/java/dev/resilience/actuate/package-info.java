/**
 * Actuator support: the {@code resilience} endpoint, its health contributor and the
 * Micrometer meters of every instance.
 */
@NullMarked
package dev.resilience.actuate;

import org.jspecify.annotations.NullMarked;
