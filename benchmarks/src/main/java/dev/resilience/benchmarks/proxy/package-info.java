/**
 * Annotated beans called through their Spring proxies, one application context per
 * library.
 */
@NullMarked
package dev.resilience.benchmarks.proxy;

import org.jspecify.annotations.NullMarked;
