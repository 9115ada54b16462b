package dev.resilience.saga.jdbc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import dev.resilience.saga.CompensationRef;
import dev.resilience.saga.SagaExecution;
import dev.resilience.saga.SagaState;
import dev.resilience.saga.SagaStore;
import dev.resilience.saga.SagaStoreContractTests;
import dev.resilience.saga.StepExecution;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

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
	void findsNoMissingTableWhenItsSchemaWasCreated() {
		assertThat(new JdbcSagaStore(dataSource()).missingTables()).isEmpty();
	}

	@Test
	void namesTheTablesItCannotUseWhetherMissingOrLackingAColumn() {
		JdbcClient.create(dataSource())
			.sql("CREATE TABLE IF NOT EXISTS NARROW_SAGA (id VARCHAR(36) NOT NULL PRIMARY KEY)")
			.update();
		assertThat(new JdbcSagaStore(dataSource(), "NARROW_").missingTables()).containsExactly("NARROW_SAGA",
				"NARROW_SAGA_STEP");
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
	void deletesFinishedSagasPastTheirRetentionWithTheirStepsOldestFirst() {
		SagaStore store = store();
		List<UUID> old = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			old.add(finished(store, SagaState.COMPLETED, T0.plusSeconds(i)));
		}
		UUID compensated = finished(store, SagaState.COMPENSATED, T0.plusSeconds(5));
		UUID failed = finished(store, SagaState.FAILED, T0);
		UUID recent = finished(store, SagaState.COMPLETED, T0.plusSeconds(100));
		UUID running = UUID.randomUUID();
		store.createSaga(SagaExecution.start(running, "place-order", T0, "a", T0.plusSeconds(1)));
		assertThat(store.deleteFinished(T0.plusSeconds(50), 2)).isEqualTo(2);
		assertThat(store.find(old.get(0))).isEmpty();
		assertThat(store.find(old.get(1))).isEmpty();
		assertThat(store.find(old.get(2))).isPresent();
		assertThat(store.deleteFinished(T0.plusSeconds(50), 10)).isEqualTo(2);
		assertThat(store.find(old.get(2))).isEmpty();
		assertThat(store.find(compensated)).isEmpty();
		assertThat(store.find(failed)).isPresent();
		assertThat(store.find(recent)).isPresent();
		assertThat(store.find(running)).isPresent();
		assertThat(JdbcClient.create(dataSource())
			.sql("SELECT COUNT(*) FROM RESILIENCE_SAGA_STEP")
			.query(Long.class)
			.single()).as("steps left: those of the failed and the recent sagas").isEqualTo(2L);
		assertThat(store.deleteFinished(T0.plusSeconds(50), 10)).isZero();
	}

	@Test
	void claimsThroughTheStrategyOfItsDatabase() {
		assertThat(((JdbcSagaStore) store()).claimStrategy()).isEqualTo(expectedClaimStrategy());
	}

	private static UUID finished(SagaStore store, SagaState state, Instant updatedAt) {
		UUID id = UUID.randomUUID();
		store.createSaga(SagaExecution.start(id, "place-order", T0, "a", T0.plusSeconds(60)));
		store.stepStarted(id, StepExecution.started(1, "reserve", "[1]", REF));
		if (state != SagaState.COMPLETED) {
			store.updateState(id, "a", SagaState.COMPENSATING, "boom", updatedAt);
		}
		store.updateState(id, "a", state, null, updatedAt);
		return id;
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
