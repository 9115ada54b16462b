package dev.resilience.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * A small shop that uses each resilience pattern where an application would: stock
 * lookups call a flaky inventory service through a retry and a circuit breaker, searches
 * are rate-limited per user, reports are built behind a bulkhead, and price quotes are
 * time-limited.
 *
 * @author Resilience
 * @since 0.1.0
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ShopApplication {

	/**
	 * Executor that runs the asynchronous inventory calls, so that a slow downstream
	 * never holds a request thread.
	 * @param builder Spring Boot's pre-configured builder
	 * @return the executor
	 */
	@Bean
	ThreadPoolTaskExecutor inventoryExecutor(ThreadPoolTaskExecutorBuilder builder) {
		return builder.threadNamePrefix("inventory-").build();
	}

	public static void main(String[] args) {
		SpringApplication.run(ShopApplication.class, args);
	}

}
