package dev.resilience.autoconfigure;

import dev.resilience.web.ResilienceWebFluxExceptionHandler;
import dev.resilience.web.ResilienceWebMvcExceptionHandler;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.web.reactive.DispatcherHandler;
import org.springframework.web.servlet.DispatcherServlet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ResilienceWebAutoConfiguration}.
 *
 * @author Resilience
 */
class ResilienceWebAutoConfigurationTests {

	private final WebApplicationContextRunner servletRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ResilienceWebAutoConfiguration.class));

	private final ReactiveWebApplicationContextRunner reactiveRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ResilienceWebAutoConfiguration.class));

	@Test
	void servletApplicationGetsMvcHandlerOnly() {
		this.servletRunner.run((context) -> {
			assertThat(context).hasSingleBean(ResilienceWebMvcExceptionHandler.class);
			assertThat(context).hasBean("resilienceWebMvcExceptionHandler");
			assertThat(context).doesNotHaveBean(ResilienceWebFluxExceptionHandler.class);
		});
	}

	@Test
	void reactiveApplicationGetsWebFluxHandlerOnly() {
		this.reactiveRunner.run((context) -> {
			assertThat(context).hasSingleBean(ResilienceWebFluxExceptionHandler.class);
			assertThat(context).hasBean("resilienceWebFluxExceptionHandler");
			assertThat(context).doesNotHaveBean(ResilienceWebMvcExceptionHandler.class);
		});
	}

	@Test
	void nonWebApplicationGetsNoHandler() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ResilienceWebAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(ResilienceWebMvcExceptionHandler.class);
				assertThat(context).doesNotHaveBean(ResilienceWebFluxExceptionHandler.class);
			});
	}

	@Test
	void servletApplicationGetsNoHandlerWhenResilienceIsDisabled() {
		this.servletRunner.withPropertyValues("resilience.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ResilienceWebMvcExceptionHandler.class));
	}

	@Test
	void reactiveApplicationGetsNoHandlerWhenResilienceIsDisabled() {
		this.reactiveRunner.withPropertyValues("resilience.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ResilienceWebFluxExceptionHandler.class));
	}

	@Test
	void servletApplicationGetsNoHandlerWithoutSpringMvc() {
		this.servletRunner.withClassLoader(new FilteredClassLoader(DispatcherServlet.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ResilienceWebMvcExceptionHandler.class));
	}

	@Test
	void reactiveApplicationGetsNoHandlerWithoutSpringWebFlux() {
		this.reactiveRunner.withClassLoader(new FilteredClassLoader(DispatcherHandler.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ResilienceWebFluxExceptionHandler.class));
	}

	@Test
	void mvcHandlerBacksOffWhenUserDefinesOne() {
		this.servletRunner.withBean("customHandler", CustomMvcHandler.class).run((context) -> {
			assertThat(context).hasSingleBean(ResilienceWebMvcExceptionHandler.class);
			assertThat(context).hasBean("customHandler").doesNotHaveBean("resilienceWebMvcExceptionHandler");
		});
	}

	@Test
	void webFluxHandlerBacksOffWhenUserDefinesOne() {
		this.reactiveRunner.withBean("customHandler", CustomWebFluxHandler.class).run((context) -> {
			assertThat(context).hasSingleBean(ResilienceWebFluxExceptionHandler.class);
			assertThat(context).hasBean("customHandler").doesNotHaveBean("resilienceWebFluxExceptionHandler");
		});
	}

	static class CustomMvcHandler extends ResilienceWebMvcExceptionHandler {

	}

	static class CustomWebFluxHandler extends ResilienceWebFluxExceptionHandler {

	}

}
