package dev.resilience.saga.jdbc;

/**
 * Tests for {@link JdbcSagaStore} on the MySQL schema, run by H2 in its MySQL mode: a
 * check of the script and its column types where no MySQL server is at hand.
 *
 * @author Resilience
 */
class JdbcSagaStoreH2MySqlModeTests extends JdbcSagaStoreH2Tests {

	@Override
	protected String schemaScript() {
		return "schema-mysql.sql";
	}

	@Override
	protected String urlOptions() {
		return ";MODE=MySQL";
	}

}
