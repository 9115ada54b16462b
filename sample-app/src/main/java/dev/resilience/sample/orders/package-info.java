/**
 * Orders: a three-step saga (reserve stock, charge payment, schedule shipping) whose
 * steps undo themselves when a later one fails, even after a crash.
 */
@NullMarked
package dev.resilience.sample.orders;

import org.jspecify.annotations.NullMarked;
