package dev.resilience.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP tests of the problem details that rejections turn into, in a Spring WebFlux
 * application.
 *
 * @author Resilience
 */
@SpringBootTest(classes = ProblemDetailsTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive",
				"resilience.circuit-breaker.instances.inventory.wait-duration-in-open-state=1h" })
class WebFluxProblemDetailsIntegrationTests extends AbstractProblemDetailsIntegrationTests {

	@Autowired
	private ApplicationContext context;

	@Test
	void rejectionsAreHandledByWebFluxHandler() {
		assertThat(this.context.getBeansOfType(ResilienceWebFluxExceptionHandler.class)).hasSize(1);
		assertThat(this.context.getBeansOfType(ResilienceWebMvcExceptionHandler.class)).isEmpty();
	}

}
