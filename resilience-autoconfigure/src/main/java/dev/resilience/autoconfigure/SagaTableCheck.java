package dev.resilience.autoconfigure;

import java.util.List;

import javax.sql.DataSource;

import dev.resilience.saga.jdbc.JdbcSagaStore;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DataAccessException;

/**
 * Checks on start, once the database is initialized, that the tables of the JDBC saga log
 * exist, and fails the start naming the fix when they do not: without them, every saga
 * and every recovery round would fail.
 *
 * @author Resilience
 */
class SagaTableCheck implements InitializingBean {

	private static final Log logger = LogFactory.getLog(SagaTableCheck.class);

	private final JdbcSagaStore store;

	private final DataSource dataSource;

	private final String tablePrefix;

	SagaTableCheck(JdbcSagaStore store, DataSource dataSource, String tablePrefix) {
		this.store = store;
		this.dataSource = dataSource;
		this.tablePrefix = tablePrefix;
	}

	@Override
	public void afterPropertiesSet() {
		List<String> missing;
		try {
			missing = this.store.missingTables();
		}
		catch (DataAccessException ex) {
			// a database that cannot be reached now may be later: recovery tries again
			// every interval and says so
			logger.debug("Could not check the saga tables", ex);
			return;
		}
		if (!missing.isEmpty()) {
			throw new SagaTablesMissingException(missing, SagaSchemaInitializer.schemaScript(this.dataSource),
					this.tablePrefix);
		}
	}

}
