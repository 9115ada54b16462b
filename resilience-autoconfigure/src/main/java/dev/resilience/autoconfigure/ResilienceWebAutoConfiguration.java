package dev.resilience.autoconfigure;

import dev.resilience.web.ResilienceWebFluxExceptionHandler;
import dev.resilience.web.ResilienceWebMvcExceptionHandler;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.DispatcherHandler;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * {@link EnableAutoConfiguration Auto-configuration} that answers rejections by the
 * resilience patterns with RFC 9457 problem details, or with the application's error page
 * for a client that prefers HTML, in a Spring MVC or a Spring WebFlux application. An
 * application's own exception handlers for the same exceptions win.
 *
 * @author Resilience
 * @since 0.1.0
 * @see ResilienceWebMvcExceptionHandler
 * @see ResilienceWebFluxExceptionHandler
 */
@AutoConfiguration(after = ResilienceAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "resilience.enabled", matchIfMissing = true)
public final class ResilienceWebAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass(DispatcherServlet.class)
	static class WebMvcConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ResilienceWebMvcExceptionHandler resilienceWebMvcExceptionHandler() {
			return new ResilienceWebMvcExceptionHandler();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass(DispatcherHandler.class)
	static class WebFluxConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ResilienceWebFluxExceptionHandler resilienceWebFluxExceptionHandler() {
			return new ResilienceWebFluxExceptionHandler();
		}

	}

}
