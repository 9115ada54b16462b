package dev.resilience.saga.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import javax.sql.DataSource;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Runs a schema script shipped with {@link JdbcSagaStore}, with its table prefix replaced
 * as an application would.
 *
 * @author Resilience
 */
final class SagaSchema {

	private SagaSchema() {
	}

	static void create(DataSource dataSource, String script) {
		create(dataSource, script, JdbcSagaStore.DEFAULT_TABLE_PREFIX);
	}

	static void create(DataSource dataSource, String script, String tablePrefix) {
		String sql = read(script).replace(JdbcSagaStore.DEFAULT_TABLE_PREFIX, tablePrefix);
		new ResourceDatabasePopulator(new ByteArrayResource(sql.getBytes(StandardCharsets.UTF_8), script))
			.execute(dataSource);
	}

	static String read(String script) {
		try {
			return new ClassPathResource("dev/resilience/saga/jdbc/" + script)
				.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
