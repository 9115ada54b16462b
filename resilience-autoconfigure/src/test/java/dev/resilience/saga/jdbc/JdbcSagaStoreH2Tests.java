package dev.resilience.saga.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import dev.resilience.saga.CompensationRef;
import dev.resilience.saga.SagaExecution;
import dev.resilience.saga.SagaState;
import dev.resilience.saga.SagaStore;
import dev.resilience.saga.StepExecution;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JdbcSagaStore} on H2: the store contract, each test on a new in-memory
 * database, and the statements of a saga's happy path.
 *
 * @author Resilience
 */
class JdbcSagaStoreH2Tests extends AbstractJdbcSagaStoreTests {

	private JdbcDataSource dataSource;

	@Override
	protected SagaStore createStore() {
		this.dataSource = new JdbcDataSource();
		this.dataSource.setURL("jdbc:h2:mem:saga-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + urlOptions());
		SagaSchema.create(this.dataSource, schemaScript());
		return new JdbcSagaStore(this.dataSource);
	}

	@AfterEach
	void dropTheDatabase() {
		JdbcClient.create(this.dataSource).sql("SHUTDOWN").update();
	}

	@Override
	protected DataSource dataSource() {
		return this.dataSource;
	}

	@Override
	protected String schemaScript() {
		return "schema-h2.sql";
	}

	/**
	 * Return what is appended to the database URL, such as a compatibility mode.
	 * @return the URL options, each starting with a semicolon
	 */
	protected String urlOptions() {
		return "";
	}

	@Override
	protected ClaimStrategy expectedClaimStrategy() {
		return ClaimStrategy.CONDITIONAL_UPDATE;
	}

	@Test
	void logsEachWriteOfTheHappyPathWithOneStatement() {
		StatementCounter counter = new StatementCounter(this.dataSource);
		JdbcSagaStore store = new JdbcSagaStore(counter);
		SagaExecution saga = SagaExecution.start(UUID.randomUUID(), "place-order", T0, "a", T0.plusSeconds(60));
		store.createSaga(saga);
		assertThat(counter.statements()).isOne();
		counter.reset();
		store.stepStarted(saga.id(), StepExecution.started(1, "reserve", "[1]", CompensationRef.inMemory()));
		store.stepCompleted(saga.id(), 1, "\"h-1\"");
		assertThat(counter.statements()).isEqualTo(2);
		counter.reset();
		assertThat(store.updateState(saga.id(), "a", SagaState.COMPLETED, null, T0.plusSeconds(1))).isTrue();
		assertThat(counter.statements()).isOne();
	}

	@Test
	void logsStepsThatSurviveTheRollbackOfTheCallersTransaction() {
		JdbcSagaStore store = new JdbcSagaStore(this.dataSource);
		SagaExecution saga = SagaExecution.start(UUID.randomUUID(), "place-order", T0, "a", T0.plusSeconds(60));
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(this.dataSource));
		transaction.executeWithoutResult((status) -> {
			JdbcClient.create(this.dataSource).sql("CREATE TABLE business (id INT)").update();
			JdbcClient.create(this.dataSource).sql("INSERT INTO business VALUES (1)").update();
			store.createSaga(saga);
			store.stepStarted(saga.id(), StepExecution.started(1, "reserve", "[1]", CompensationRef.inMemory()));
			store.stepCompleted(saga.id(), 1, "\"h-1\"");
			status.setRollbackOnly();
		});
		assertThat(JdbcClient.create(this.dataSource).sql("SELECT COUNT(*) FROM business").query(Long.class).single())
			.as("the business write rolled back")
			.isZero();
		assertThat(store.find(saga.id()).orElseThrow().steps()).singleElement()
			.satisfies((step) -> assertThat(step.result()).isEqualTo("\"h-1\""));
	}

	@Test
	void renewsNoLeaseWithoutTouchingTheDatabase() {
		StatementCounter counter = new StatementCounter(this.dataSource);
		assertThat(new JdbcSagaStore(counter).renewLeases("a", List.of(), T0)).isZero();
		assertThat(counter.statements()).isZero();
	}

	@Test
	void renewsManyLeasesAtOnce() {
		JdbcSagaStore store = new JdbcSagaStore(this.dataSource);
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < 1200; i++) {
			SagaExecution saga = SagaExecution.start(UUID.randomUUID(), "place-order", T0, "a", T0.plusSeconds(60));
			store.createSaga(saga);
			ids.add(saga.id());
		}
		assertThat(store.renewLeases("a", ids, T0.plusSeconds(90))).isEqualTo(1200);
		assertThat(store.find(ids.get(1100)).orElseThrow().leaseUntil()).isEqualTo(T0.plusSeconds(90));
	}

}
