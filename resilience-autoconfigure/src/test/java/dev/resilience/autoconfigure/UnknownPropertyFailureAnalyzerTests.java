package dev.resilience.autoconfigure;

import java.util.Map;

import dev.resilience.circuitbreaker.CircuitBreakerRegistry;
import dev.resilience.retry.RetryRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for {@link UnknownPropertyFailureAnalyzer} and the start-up failure it explains:
 * names under {@code resilience} that bind to nothing.
 *
 * @author Resilience
 */
@ExtendWith(OutputCaptureExtension.class)
class UnknownPropertyFailureAnalyzerTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(ResilienceAutoConfiguration.class, ResilienceSagaAutoConfiguration.class));

	@Test
	void misspeltCircuitBreakerDefaultFailsTheStartInsteadOfBeingIgnored() {
		this.runner.withPropertyValues("resilience.circuit-breaker.defaults.failure-treshold=30").run((context) -> {
			FailureAnalysis analysis = analyze(context);
			assertThat(analysis.getDescription())
				.contains("Property: resilience.circuit-breaker.defaults.failure-treshold")
				.contains("Value: \"30\"")
				.contains("Origin: \"resilience.circuit-breaker.defaults.failure-treshold\" from property source")
				.contains("Did you mean resilience.circuit-breaker.defaults.failure-rate-threshold?");
			assertThat(analysis.getAction()).contains("Correct or remove").doesNotContain("brackets");
		});
	}

	@Test
	void misspeltRetryInstanceKeyFailsTheStartInsteadOfBeingIgnored() {
		this.runner.withPropertyValues("resilience.retry.instances.x.max-attempt=5")
			.run((context) -> assertThat(analyze(context).getDescription())
				.contains("Property: resilience.retry.instances.x.max-attempt")
				.contains("Did you mean resilience.retry.instances.x.max-attempts?"));
	}

	@Test
	void unbracketedDottedInstanceNameFailsTheStartSuggestingBrackets() {
		this.runner.withPropertyValues("resilience.retry.instances.my.service.max-attempts=5").run((context) -> {
			FailureAnalysis analysis = analyze(context);
			assertThat(analysis.getDescription())
				.contains("Property: resilience.retry.instances.my.service.max-attempts")
				.contains("Did you mean resilience.retry.instances[my.service].max-attempts?");
			assertThat(analysis.getAction()).contains("must be in brackets");
		});
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "resilience.enabeld, resilience.enabled",
			"resilience.retry.max-attempts, resilience.retry.defaults.max-attempts",
			"resilience.circuit-braker.defaults.failure-rate-threshold, resilience.circuit-breaker.defaults.failure-rate-threshold",
			"resilience.circuitBreaker.instances[a.b].slow-call-treshold, resilience.circuit-breaker.instances[a.b].slow-call-rate-threshold",
			"resilience.rate-limiter.instances.search.limt, resilience.rate-limiter.instances.search.limit",
			"resilience.rate-limiter.redis.command-timout, resilience.rate-limiter.redis.command-timeout",
			"resilience.bulkhead.defaults.max-concurrent-call, resilience.bulkhead.defaults.max-concurrent-calls",
			"resilience.time-limiter.instances.quotes.timout, resilience.time-limiter.instances.quotes.timeout",
			"resilience.saga.recovery.intervall, resilience.saga.recovery.interval",
			"resilience.saga.compensation-retry.max-attempt, resilience.saga.compensation-retry.max-attempts",
			"resilience.bulkhead.instances.reports.max-wait-duration.extra, resilience.bulkhead.instances.reports.max-wait-duration" })
	void unknownNameInAnyGroupFailsTheStartNamingTheClosestKnownOne(String unknown, String meant) {
		this.runner.withPropertyValues(unknown + "=1")
			.run((context) -> assertThat(analyze(context).getDescription()).contains("Property: ")
				.contains("Did you mean " + meant + "?"));
	}

	@Test
	void unknownNameCloseToNoKnownOneIsReportedWithoutSuggestion() {
		this.runner.withPropertyValues("resilience.retry.defaults.colour=blue")
			.run((context) -> assertThat(analyze(context).getDescription())
				.contains("Property: resilience.retry.defaults.colour")
				.doesNotContain("Did you mean"));
	}

	@Test
	void everyUnknownNameIsReported() {
		this.runner
			.withPropertyValues("resilience.retry.defaults.max-attempt=2",
					"resilience.bulkhead.default.max-wait-duration=1s")
			.run((context) -> assertThat(analyze(context).getDescription())
				.startsWith("Unknown properties under 'resilience'")
				.contains("Did you mean resilience.retry.defaults.max-attempts?")
				.contains("Did you mean resilience.bulkhead.defaults.max-wait-duration?"));
	}

	@Test
	void relaxedFormsOfKnownNamesStillBind() {
		this.runner
			.withPropertyValues("resilience.retry.defaults.maxAttempts=7",
					"resilience.circuitBreaker.instances.inventory.failureRateThreshold=30",
					"resilience.circuit-breaker.instances[translation.deepTranslate].failure-rate-threshold=40",
					"resilience.retry.defaults.retry-exceptions[0]=java.io.IOException")
			.withInitializer(
					(context) -> context.getEnvironment()
						.getPropertySources()
						.addFirst(new SystemEnvironmentPropertySource(
								StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
								Map.of("RESILIENCE_RETRY_INSTANCES_INVENTORY_MAX_ATTEMPTS", "4",
										"RESILIENCE_RETRY_INSTANCES_INVENTORY_WAITDURATION", "2s"))))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				RetryRegistry retries = context.getBean(RetryRegistry.class);
				assertThat(retries.configFor("other").maxAttempts()).isEqualTo(7);
				assertThat(retries.configFor("inventory").maxAttempts()).isEqualTo(4);
				assertThat(retries.configFor("inventory").waitDuration()).hasSeconds(2);
				CircuitBreakerRegistry breakers = context.getBean(CircuitBreakerRegistry.class);
				assertThat(breakers.configFor("inventory").failureRateThreshold()).isEqualTo(30);
				assertThat(breakers.configFor("translation.deepTranslate").failureRateThreshold()).isEqualTo(40);
			});
	}

	@Test
	void documentedConfigurationStartsWithEveryKeyKnown() {
		this.runner.withInitializer(new ConfigDataApplicationContextInitializer())
			.withPropertyValues("spring.config.location=classpath:documented-configuration.yml")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(RetryRegistry.class).configFor("inventory").maxAttempts()).isEqualTo(5);
			});
	}

	@Test
	void unknownNameInYamlIsReportedWhereItWasWritten() {
		this.runner.withInitializer(new ConfigDataApplicationContextInitializer())
			.withPropertyValues("spring.config.location=classpath:unknown-property.yml")
			.run((context) -> assertThat(analyze(context).getDescription())
				.contains("Property: resilience.rate-limiter.instances.search.burts")
				.contains("Origin: class path resource [unknown-property.yml] - 6:16")
				.contains("Did you mean resilience.rate-limiter.instances.search.burst?"));
	}

	@Test
	void failedStartReportsTheUnknownPropertyAndTheKnownOneMeant(CapturedOutput output) {
		SpringApplication application = new SpringApplication(ResilienceApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException()
			.isThrownBy(() -> application.run("--spring.config.location=classpath:unknown-property.yml"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Unknown property under 'resilience', which would otherwise be ignored")
			.contains("Origin: class path resource [unknown-property.yml] - 6:16")
			.contains("Did you mean resilience.rate-limiter.instances.search.burst?")
			.doesNotContain("were left unbound");
	}

	private static FailureAnalysis analyze(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		FailureAnalysis analysis = new UnknownPropertyFailureAnalyzer().analyze(context.getStartupFailure());
		assertThat(analysis).isNotNull();
		return analysis;
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(ResilienceAutoConfiguration.class)
	static class ResilienceApplication {

	}

}
