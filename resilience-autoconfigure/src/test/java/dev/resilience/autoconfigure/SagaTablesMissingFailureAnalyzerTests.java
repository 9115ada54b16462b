package dev.resilience.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SagaTablesMissingFailureAnalyzer}.
 *
 * @author Resilience
 */
class SagaTablesMissingFailureAnalyzerTests {

	private final SagaTablesMissingFailureAnalyzer analyzer = new SagaTablesMissingFailureAnalyzer();

	@Test
	void namesTheMissingTablesAndBothWaysToCreateThem() {
		SagaTablesMissingException missing = new SagaTablesMissingException(
				List.of("RESILIENCE_SAGA", "RESILIENCE_SAGA_STEP"), "dev/resilience/saga/jdbc/schema-postgresql.sql",
				"RESILIENCE_");
		FailureAnalysis analysis = this.analyzer
			.analyze(new BeanCreationException("sagaTableCheck", "failed", missing));
		assertThat(analysis.getDescription()).isEqualTo("The application has sagas, but the tables of its saga log, "
				+ "RESILIENCE_SAGA, RESILIENCE_SAGA_STEP, are missing from its database or lack columns.");
		assertThat(analysis.getAction()).isEqualTo("Set resilience.saga.jdbc.initialize-schema=always to create them "
				+ "on start (the script creates only what is missing), or create them with the script shipped in the "
				+ "jar at dev/resilience/saga/jdbc/schema-postgresql.sql, for example in a Flyway or Liquibase "
				+ "migration.");
		assertThat(analysis.getCause()).isSameAs(missing);
	}

	@Test
	void pointsAtEveryShippedScriptWhenNoneFitsTheDatabase() {
		SagaTablesMissingException missing = new SagaTablesMissingException(List.of("SHOP_SAGA_STEP"), null, "SHOP_");
		FailureAnalysis analysis = this.analyzer.analyze(missing);
		assertThat(analysis.getAction())
			.contains("one of the scripts shipped in the jar at dev/resilience/saga/jdbc/schema-<database>.sql (h2, "
					+ "postgresql, mysql), adapted to your database with RESILIENCE_ replaced by SHOP_");
		assertThat(missing).hasMessage(analysis.getDescription() + " " + analysis.getAction());
	}

	@Test
	void isRegisteredForSpringBootToFind() {
		// analyzers of other jars need constructor arguments this test does not give
		FailureHandler skipOthers = FailureHandler.handleMessage((message, failure) -> {
		});
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(FailureAnalyzer.class, skipOthers))
			.hasAtLeastOneElementOfType(SagaTablesMissingFailureAnalyzer.class);
	}

}
