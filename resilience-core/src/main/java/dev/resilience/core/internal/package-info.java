/**
 * Helpers the starter's own packages share; not part of the public API.
 */
@NullMarked
package dev.resilience.core.internal;

import org.jspecify.annotations.NullMarked;
