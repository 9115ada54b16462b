/**
 * Sagas: a logged sequence of steps, compensated in reverse order when it fails.
 */
@NullMarked
package dev.resilience.saga;

import org.jspecify.annotations.NullMarked;
