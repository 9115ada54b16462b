package dev.resilience.aop;

import dev.resilience.aop.AnnotatedServices.ConflictingFallbacksService;
import dev.resilience.aop.AnnotatedServices.IllTypedFallbackService;
import dev.resilience.aop.AnnotatedServices.MissingFallbackService;
import dev.resilience.annotation.Retry;
import dev.resilience.autoconfigure.ResilienceAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that annotation mistakes fail the start with an explanation.
 *
 * @author Resilience
 */
class InvalidAnnotationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ResilienceAutoConfiguration.class));

	@Test
	void missingFallbackFailsTheStartNamingBeanMethodAndExpectedSignature() {
		this.runner.withBean("inventoryClient", MissingFallbackService.class).run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("inventoryClient")
				.contains("MissingFallbackService.stock(String)")
				.contains("'nowhere' does not exist");
			assertThat(analysis.getAction()).contains("'String nowhere(String sku)'")
				.contains("'String nowhere(String sku, Throwable cause)'");
		});
	}

	@Test
	void misspeltFallbackSuggestsTheMethodMeant() {
		this.runner.withBean("inventoryClient", MisspeltFallbackService.class).run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("'cachedStok' does not exist (did you mean 'cachedStock'?)");
		});
	}

	@Test
	void privateMethodAdviceExplainsThatSelfInvocationIsNeverIntercepted() {
		this.runner.withBean("inventoryClient", PrivateMethodService.class).run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("cannot be intercepted by a proxy");
			assertThat(analysis.getAction()).contains("a call through 'this'")
				.contains("is never intercepted")
				.contains("move the annotated method to another bean");
		});
	}

	@Test
	void illTypedFallbackFailsTheStartSayingWhatDoesNotFit() {
		this.runner.withBean("inventoryClient", IllTypedFallbackService.class).run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("Integer wrong(String, Throwable)")
				.contains("return type is not assignable to String");
		});
	}

	@Test
	void differentFallbacksOnOneMethodFailTheStart() {
		this.runner.withBean("inventoryClient", ConflictingFallbacksService.class).run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("different fallback methods")
				.contains("'one'")
				.contains("'two'");
		});
	}

	private static FailureAnalysis analyze(Throwable failure) {
		assertThat(failure).isNotNull();
		FailureAnalysis analysis = new InvalidResilienceAnnotationFailureAnalyzer().analyze(failure);
		assertThat(analysis).isNotNull();
		return analysis;
	}

	static class MisspeltFallbackService {

		@Retry(fallbackMethod = "cachedStok")
		public String stock(String sku) {
			return sku;
		}

		String cachedStock(String sku) {
			return sku;
		}

	}

	static class PrivateMethodService {

		public String stock(String sku) {
			return guarded(sku);
		}

		@Retry
		private String guarded(String sku) {
			return sku;
		}

	}

}
