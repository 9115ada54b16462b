/**
 * Retry: calls a failed operation again after a backoff, when its error is worth
 * retrying.
 */
@NullMarked
package dev.resilience.retry;

import org.jspecify.annotations.NullMarked;
