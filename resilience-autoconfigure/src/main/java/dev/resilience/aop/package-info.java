/**
 * Interception of annotated methods: one pipeline per method, resolved at start-up.
 */
@NullMarked
package dev.resilience.aop;

import org.jspecify.annotations.NullMarked;
