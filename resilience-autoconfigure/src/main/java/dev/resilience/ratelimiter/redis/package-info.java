/**
 * Redis backend of the rate limiter: cluster-wide limits, one script call per permit.
 */
@NullMarked
package dev.resilience.ratelimiter.redis;

import org.jspecify.annotations.NullMarked;
