/**
 * Test doubles for time, waiting, scheduling and concurrency, shared by all tests.
 */
@NullMarked
package dev.resilience.testsupport;

import org.jspecify.annotations.NullMarked;
