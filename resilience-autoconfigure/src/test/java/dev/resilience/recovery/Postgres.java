package dev.resilience.recovery;

import java.io.IOException;
import java.io.UncheckedIOException;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * One real PostgreSQL server for the recovery tests of this JVM, started on first use and
 * stopped when the JVM exits, with the saga tables and the effects table created.
 *
 * @author Resilience
 */
final class Postgres {

	private static EmbeddedPostgres server;

	private Postgres() {
	}

	static synchronized EmbeddedPostgres server() {
		if (server == null) {
			try {
				server = EmbeddedPostgres.builder().start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not start PostgreSQL", ex);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(Postgres::stop));
			ResourceDatabasePopulator schema = new ResourceDatabasePopulator(
					new ClassPathResource("dev/resilience/saga/jdbc/schema-postgresql.sql"));
			schema.execute(server.getPostgresDatabase());
			new org.springframework.jdbc.core.JdbcTemplate(server.getPostgresDatabase())
				.execute(OrderApplication.EFFECTS_TABLE);
		}
		return server;
	}

	static DataSource dataSource() {
		return server().getPostgresDatabase();
	}

	static String url() {
		return server().getJdbcUrl("postgres", "postgres");
	}

	private static synchronized void stop() {
		try {
			server.close();
		}
		catch (IOException ex) {
			// the JVM is exiting anyway
		}
	}

}
