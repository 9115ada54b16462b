package dev.resilience.saga.jdbc;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import dev.resilience.saga.CompensationRef;
import dev.resilience.saga.SagaExecution;
import dev.resilience.saga.SagaState;
import dev.resilience.saga.SagaStoreContractTests;
import dev.resilience.saga.StepExecution;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store contract, and what a {@link JdbcSagaStore} must do on any database: its
 * schema script, its table prefix and its column types.
 *
 * @author Resilience
 */
abstract class AbstractJdbcSagaStoreTests extends SagaStoreContractTests {

	private static final CompensationRef REF = new CompensationRef("inventoryClient", "release",
			List.of("java.lang.String", "int"));

	/**
	 * Return the database of the store under test.
	 * @return the database
	 */
	protected abstract DataSource dataSource();

	/**
	 * Return the name of the schema script of this database.
	 * @return the script name, such as {@code schema-h2.sql}
	 */
	protected abstract String schemaScript();

	/**
	 * Return how this database is expected to claim stale sagas.
	 * @return the claim strategy
	 */
	protected abstract ClaimStrategy expectedClaimStrategy();

	@Test
	void runsTheSchemaScriptAgainWithoutHarm() {
		SagaExecution saga = SagaExecution.start(UUID.randomUUID(), "place-order", T0, "a", T0.plusSeconds(60));
		store().createSaga(saga);
		SagaSchema.create(dataSource(), schemaScript());
		SagaSchema.create(dataSource(), schemaScript());
		assertThat(store().find(saga.id())).isPresent();
	}

	@Test
	void usesTheTablesOfItsPrefix() {
		SagaSchema.create(dataSource(), schemaScript(), "ORDERS_");
		SagaSchema.create(dataSource(), schemaScript(), "ORDERS_");
		JdbcSagaStore orders = new JdbcSagaStore(dataSource(), "ORDERS_");
		SagaExecution saga = SagaExecution.start(UUID.randomUUID(), "place-order", T0, "a", T0.plusSeconds(60));
		orders.createSaga(saga);
		orders.stepStarted(saga.id(), StepExecution.started(1, "reserve", "[1]", REF));
		assertThat(orders.find(saga.id())).hasValueSatisfying((found) -> assertThat(found.steps()).hasSize(1));
		assertThat(orders.claimStale("b", T0.plusSeconds(60), T0.plusSeconds(120), 10)).hasSize(1);
		assertThat(store().find(saga.id())).isEmpty();
	}

	@Test
	void keepsUnicodeAndLargeValues() {
		String unicode = "Zoë’s café — 東京 🚀 Ωμέγα";
		String json = largeJson(unicode, 100 * 1024);
		SagaExecution saga = SagaExecution.start(UUID.randomUUID(), "commande-été", T0, "a", T0.plusSeconds(60));
		store().createSaga(saga);
		store().stepStarted(saga.id(), StepExecution.started(1, "réserver", json, REF));
		store().stepCompleted(saga.id(), 1, json);
		store().stepCompensationFailed(saga.id(), 1, 1, "java.io.IOException: " + unicode);
		store().updateState(saga.id(), "a", SagaState.COMPENSATING, "java.lang.Exception: " + json, T0);
		SagaExecution found = store().find(saga.id()).orElseThrow();
		assertThat(found.name()).isEqualTo("commande-été");
		assertThat(found.cause()).isEqualTo("java.lang.Exception: " + json);
		StepExecution step = found.steps().get(0);
		assertThat(step.name()).isEqualTo("réserver");
		assertThat(step.arguments()).isEqualTo(json);
		assertThat(step.result()).isEqualTo(json);
		assertThat(step.error()).isEqualTo("java.io.IOException: " + unicode);
	}

	@Test
	void keepsACompensationWithoutParameters() {
		CompensationRef ref = new CompensationRef("orders", "cancel", List.of());
		SagaExecution saga = SagaExecution.start(UUID.randomUUID(), "place-order", T0, "a", T0.plusSeconds(60));
		store().createSaga(saga);
		store().stepStarted(saga.id(), StepExecution.started(1, "order", null, ref));
		assertThat(store().find(saga.id()).orElseThrow().steps().get(0).compensation()).isEqualTo(ref);
	}

	@Test
	void claimsThroughTheStrategyOfItsDatabase() {
		assertThat(((JdbcSagaStore) store()).claimStrategy()).isEqualTo(expectedClaimStrategy());
	}

	private static String largeJson(String text, int length) {
		StringBuilder json = new StringBuilder("[");
		for (int i = 0; json.length() < length; i++) {
			json.append((i > 0) ? "," : "")
				.append("{\"line\":")
				.append(i)
				.append(",\"text\":\"")
				.append(text)
				.append("\"}");
		}
		return json.append("]").toString();
	}

}
