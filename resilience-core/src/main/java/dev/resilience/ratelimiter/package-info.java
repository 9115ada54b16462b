/**
 * Rate limiter: admits at most a configured number of calls per period, per key.
 */
@NullMarked
package dev.resilience.ratelimiter;

import org.jspecify.annotations.NullMarked;
