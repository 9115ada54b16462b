/**
 * This project's Redis-backed rate limiter side by side with Bucket4j's, on a local
 * Redis.
 */
@NullMarked
package dev.resilience.benchmarks.redis;

import org.jspecify.annotations.NullMarked;
