/**
 * What the resilience engines share: time, events, error classification and the base
 * exception.
 */
@NullMarked
package dev.resilience.core;

import org.jspecify.annotations.NullMarked;
