package dev.resilience.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP tests of the problem details that rejections turn into, in a Spring MVC
 * application.
 *
 * @author Resilience
 */
@SpringBootTest(classes = ProblemDetailsTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "resilience.circuit-breaker.instances.inventory.wait-duration-in-open-state=1h")
class WebMvcProblemDetailsIntegrationTests extends AbstractProblemDetailsIntegrationTests {

	@Autowired
	private ApplicationContext context;

	@Test
	void rejectionsAreHandledByWebMvcHandler() {
		assertThat(this.context.getBeansOfType(ResilienceWebMvcExceptionHandler.class)).hasSize(1);
		assertThat(this.context.getBeansOfType(ResilienceWebFluxExceptionHandler.class)).isEmpty();
	}

}
