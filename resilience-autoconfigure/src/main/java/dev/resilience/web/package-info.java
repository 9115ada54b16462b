/**
 * Mapping of resilience rejections to RFC 9457 problem details for Spring MVC and
 * WebFlux.
 */
@NullMarked
package dev.resilience.web;

import org.jspecify.annotations.NullMarked;
