package dev.resilience.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for what the jar ships besides classes: IDE metadata and factories.
 *
 * @author Resilience
 */
class ConfigurationMetadataTests {

	@Test
	void generatesMetadataWithDescriptionsAndDefaults() throws IOException {
		String metadata = read("META-INF/spring-configuration-metadata.json");
		assertThat(metadata).contains("\"resilience.retry.defaults.max-attempts\"")
			.contains("\"resilience.circuit-breaker.defaults.failure-rate-threshold\"")
			.contains("\"resilience.retry.instances\"")
			.contains("\"resilience.circuit-breaker.instances\"")
			.contains("Total number of attempts, including the first")
			.contains("\"defaultValue\": \"500ms\"");
	}

	@Test
	void registersTheAnnotationFailureAnalyzer() {
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, FailureHandler.handleMessage((message, failure) -> {
			}))).anyMatch((analyzer) -> analyzer.getClass()
				.getName()
				.equals("dev.resilience.aop.InvalidResilienceAnnotationFailureAnalyzer"));
	}

	private static String read(String location) throws IOException {
		try (InputStream input = new ClassPathResource(location).getInputStream()) {
			return new String(input.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
