package dev.resilience.sample.orders;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the simulated partners of an order behave when the application starts.
 *
 * @param failStep the step that fails: none, reserve, charge or ship
 * @param stepLatency how long each step takes
 * @author Resilience
 * @since 0.1.0
 */
@ConfigurationProperties("shop.orders")
public record OrderProperties(@DefaultValue("none") String failStep, @DefaultValue("0ms") Duration stepLatency) {

}
