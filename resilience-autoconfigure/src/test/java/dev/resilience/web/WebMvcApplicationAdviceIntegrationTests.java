package dev.resilience.web;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * HTTP tests that an application's own controller advice wins over the auto-configured
 * one, in a Spring MVC application.
 *
 * @author Resilience
 */
@SpringBootTest(classes = { ProblemDetailsTestApplication.class, CachedStockAdvice.class },
		webEnvironment = WebEnvironment.RANDOM_PORT)
class WebMvcApplicationAdviceIntegrationTests extends AbstractApplicationAdviceIntegrationTests {

}
