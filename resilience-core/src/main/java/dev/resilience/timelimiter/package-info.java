/**
 * Time limiter: bounds how long a call may take, interrupting or cancelling it when it
 * takes longer.
 */
@NullMarked
package dev.resilience.timelimiter;

import org.jspecify.annotations.NullMarked;
