/**
 * The annotations that make a Spring bean's methods resilient.
 */
@NullMarked
package dev.resilience.annotation;

import org.jspecify.annotations.NullMarked;
