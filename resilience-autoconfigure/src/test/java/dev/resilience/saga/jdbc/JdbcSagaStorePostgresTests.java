package dev.resilience.saga.jdbc;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.resilience.saga.SagaExecution;
import dev.resilience.saga.SagaStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Tests for {@link JdbcSagaStore} on PostgreSQL: the store contract on an embedded server
 * started once, its tables emptied before each test.
 *
 * @author Resilience
 */
class JdbcSagaStorePostgresTests extends AbstractJdbcSagaStoreTests {

	private static EmbeddedPostgres postgres;

	private static HikariDataSource dataSource;

	@BeforeAll
	static void startPostgres() throws IOException {
		postgres = EmbeddedPostgres.start();
		dataSource = new HikariDataSource();
		dataSource.setDataSource(postgres.getPostgresDatabase());
		SagaSchema.create(dataSource, "schema-postgresql.sql");
	}

	@AfterAll
	static void stopPostgres() throws IOException {
		dataSource.close();
		postgres.close();
	}

	@Override
	protected SagaStore createStore() {
		JdbcClient.create(dataSource).sql("TRUNCATE RESILIENCE_SAGA, RESILIENCE_SAGA_STEP").update();
		return new JdbcSagaStore(dataSource);
	}

	@Override
	protected DataSource dataSource() {
		return dataSource;
	}

	@Override
	protected String schemaScript() {
		return "schema-postgresql.sql";
	}

	@Override
	protected ClaimStrategy expectedClaimStrategy() {
		return ClaimStrategy.SKIP_LOCKED;
	}

	@Test
	void claimsPastASagaAnotherClaimantHoldsWithoutWaitingForIt() throws SQLException {
		SagaExecution held = SagaExecution.start(UUID.randomUUID(), "place-order", T0, "a", T0.plusSeconds(10));
		SagaExecution free = SagaExecution.start(UUID.randomUUID(), "place-order", T0.plusSeconds(1), "a",
				T0.plusSeconds(10));
		store().createSaga(held);
		store().createSaga(free);
		try (Connection claimant = dataSource.getConnection()) {
			claimant.setAutoCommit(false);
			try (PreparedStatement lock = claimant
				.prepareStatement("SELECT id FROM RESILIENCE_SAGA WHERE id = ? FOR UPDATE")) {
				lock.setString(1, held.id().toString());
				lock.executeQuery().close();
			}
			try {
				assertTimeoutPreemptively(Duration.ofSeconds(10),
						() -> assertThat(store().claimStale("b", T0.plusSeconds(60), T0.plusSeconds(120), 10))
							.extracting(SagaExecution::id)
							.containsExactly(free.id()));
			}
			finally {
				claimant.rollback();
			}
		}
		assertThat(store().claimStale("b", T0.plusSeconds(60), T0.plusSeconds(120), 10)).extracting(SagaExecution::id)
			.containsExactly(held.id());
	}

}
