/**
 * Bulkhead: limits how many calls run at once, queueing callers for a bounded time.
 */
@NullMarked
package dev.resilience.bulkhead;

import org.jspecify.annotations.NullMarked;
