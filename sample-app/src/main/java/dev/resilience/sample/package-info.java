/**
 * A sample shop that uses the resilience starter as an application would.
 */
@NullMarked
package dev.resilience.sample;

import org.jspecify.annotations.NullMarked;
