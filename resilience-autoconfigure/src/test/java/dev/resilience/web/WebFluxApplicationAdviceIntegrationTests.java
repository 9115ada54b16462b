package dev.resilience.web;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * HTTP tests that an application's own controller advice wins over the auto-configured
 * one, in a Spring WebFlux application.
 *
 * @author Resilience
 */
@SpringBootTest(classes = { ProblemDetailsTestApplication.class, CachedStockAdvice.class },
		webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.main.web-application-type=reactive")
class WebFluxApplicationAdviceIntegrationTests extends AbstractApplicationAdviceIntegrationTests {

}
