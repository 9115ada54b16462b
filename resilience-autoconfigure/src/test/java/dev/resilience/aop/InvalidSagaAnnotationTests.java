package dev.resilience.aop;

import dev.resilience.aop.SagaServices.AsyncSaga;
import dev.resilience.aop.SagaServices.IllTypedCompensation;
import dev.resilience.aop.SagaServices.MissingCompensation;
import dev.resilience.aop.SagaServices.SagaAndStep;
import dev.resilience.autoconfigure.ResilienceAutoConfiguration;
import dev.resilience.autoconfigure.ResilienceSagaAutoConfiguration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that saga annotation mistakes fail the start with an explanation.
 *
 * @author Resilience
 */
class InvalidSagaAnnotationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(ResilienceAutoConfiguration.class, ResilienceSagaAutoConfiguration.class));

	@Test
	void missingCompensationFailsTheStartNamingBeanMethodAndExpectedSignatures() {
		this.runner.withBean("inventory", MissingCompensation.class).run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("inventory")
				.contains("MissingCompensation.reserve(String, int)")
				.contains("compensation method 'nowhere' does not exist");
			assertThat(analysis.getAction()).contains("'void nowhere(String sku, int quantity)'")
				.contains("'void nowhere(String sku, int quantity, String result)'");
		});
	}

	@Test
	void illTypedCompensationFailsTheStartSayingWhatDoesNotFit() {
		this.runner.withBean("inventory", IllTypedCompensation.class).run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("'release' does not fit")
				.contains("release(String, long, Integer)");
		});
	}

	@Test
	void asynchronousSagaFailsTheStart() {
		this.runner.withBean("orders", AsyncSaga.class).run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("AsyncSaga.place(String)")
				.contains("@Saga cannot run a method returning CompletableFuture");
			assertThat(analysis.getAction()).contains("Return a plain value");
		});
	}

	@Test
	void methodThatIsBothSagaAndStepFailsTheStart() {
		this.runner.withBean("orders", SagaAndStep.class)
			.run((context) -> assertThat(analyze(context.getStartupFailure()).getDescription())
				.contains("both a @Saga and a @SagaStep"));
	}

	@Test
	void compensationWithoutJacksonFailsTheStart() {
		this.runner.withClassLoader(new FilteredClassLoader(JsonMapper.class))
			.withBean("inventory", SagaServices.Inventory.class,
					() -> new SagaServices.Inventory(new SagaServices.Journal()))
			.run((context) -> assertThat(analyze(context.getStartupFailure()).getAction())
				.contains("tools.jackson.core:jackson-databind"));
	}

	private static FailureAnalysis analyze(Throwable failure) {
		assertThat(failure).isNotNull();
		FailureAnalysis analysis = new InvalidResilienceAnnotationFailureAnalyzer().analyze(failure);
		assertThat(analysis).isNotNull();
		return analysis;
	}

}
