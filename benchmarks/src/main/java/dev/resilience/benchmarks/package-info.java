/**
 * The benchmark runner, its results table, and what every benchmark's set-up shares.
 */
@NullMarked
package dev.resilience.benchmarks;

import org.jspecify.annotations.NullMarked;
