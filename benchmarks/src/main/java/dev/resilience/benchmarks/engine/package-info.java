/**
 * The pattern engines called directly, without Spring.
 */
@NullMarked
package dev.resilience.benchmarks.engine;

import org.jspecify.annotations.NullMarked;
