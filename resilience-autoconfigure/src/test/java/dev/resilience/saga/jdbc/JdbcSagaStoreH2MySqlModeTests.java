package dev.resilience.saga.jdbc;

import java.util.UUID;

import javax.sql.DataSource;

import dev.resilience.saga.SagaStore;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tests for {@link JdbcSagaStore} on the MySQL schema, run by H2 in its MySQL mode: a
 * check of the script and its column types where no MySQL server is at hand.
 *
 * @author Resilience
 */
class JdbcSagaStoreH2MySqlModeTests extends AbstractJdbcSagaStoreTests {

	private JdbcDataSource dataSource;

	@Override
	protected SagaStore createStore() {
		this.dataSource = new JdbcDataSource();
		this.dataSource.setURL("jdbc:h2:mem:saga-" + UUID.randomUUID() + ";MODE=MySQL;DB_CLOSE_DELAY=-1");
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
		return "schema-mysql.sql";
	}

	@Override
	protected ClaimStrategy expectedClaimStrategy() {
		return ClaimStrategy.CONDITIONAL_UPDATE;
	}

}
