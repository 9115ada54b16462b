package dev.resilience.web;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * HTTP tests of the error pages that rejections turn into for browsers, in a Spring MVC
 * application.
 *
 * @author Resilience
 */
@SpringBootTest(classes = ProblemDetailsTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = AbstractBrowserErrorPageIntegrationTests.ERROR_PAGES)
class WebMvcBrowserErrorPageIntegrationTests extends AbstractBrowserErrorPageIntegrationTests {

}
