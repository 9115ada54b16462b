package dev.resilience.web;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * HTTP tests of the error pages that rejections turn into for browsers, in a Spring
 * WebFlux application.
 *
 * @author Resilience
 */
@SpringBootTest(classes = ProblemDetailsTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive",
				AbstractBrowserErrorPageIntegrationTests.ERROR_PAGES })
class WebFluxBrowserErrorPageIntegrationTests extends AbstractBrowserErrorPageIntegrationTests {

}
