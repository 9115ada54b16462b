package dev.resilience.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.resilience.saga.jdbc.JdbcSagaStore;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.jdbc.init.PlatformPlaceholderDatabaseDriverResolver;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.sql.init.DatabaseInitializationSettings;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;

/**
 * Creates the tables of the JDBC saga store from the scripts shipped in the jar
 * ({@code dev/resilience/saga/jdbc/schema-<platform>.sql}, for H2, PostgreSQL and
 * MySQL/MariaDB), with the configured table prefix in place of the default one. The
 * scripts create only what is missing, so they may run on every start. A Spring Boot
 * database initializer: beans that depend on database initialization start after it.
 *
 * @author Resilience
 * @since 0.1.0
 */
public final class SagaSchemaInitializer extends DataSourceScriptDatabaseInitializer {

	/**
	 * Where the schema scripts are, with {@code @@platform@@} standing for the database.
	 */
	public static final String SCHEMA_LOCATION = "classpath:dev/resilience/saga/jdbc/schema-@@platform@@.sql";

	private final String tablePrefix;

	/**
	 * Create an initializer.
	 * @param dataSource the database
	 * @param mode when to create the tables
	 * @param tablePrefix the prefix of the table names
	 */
	public SagaSchemaInitializer(DataSource dataSource, DatabaseInitializationMode mode, String tablePrefix) {
		super(dataSource, settings(dataSource, mode));
		this.tablePrefix = tablePrefix;
	}

	private static DatabaseInitializationSettings settings(DataSource dataSource, DatabaseInitializationMode mode) {
		DatabaseInitializationSettings settings = new DatabaseInitializationSettings();
		settings.setMode(mode);
		if (mode != DatabaseInitializationMode.NEVER) {
			settings.setSchemaLocations(schemaLocations(dataSource));
		}
		return settings;
	}

	private static List<String> schemaLocations(DataSource dataSource) {
		return new PlatformPlaceholderDatabaseDriverResolver().withDriverPlatform(DatabaseDriver.MARIADB, "mysql")
			.resolveAll(dataSource, SCHEMA_LOCATION);
	}

	/**
	 * Return where the schema script of a database is in the jar, such as
	 * {@code dev/resilience/saga/jdbc/schema-postgresql.sql}.
	 * @param dataSource the database
	 * @return the script's path, or {@code null} if none ships for the database or the
	 * database cannot be told
	 */
	static @Nullable String schemaScript(DataSource dataSource) {
		try {
			Resource script = new DefaultResourceLoader().getResource(schemaLocations(dataSource).get(0));
			return (script instanceof ClassPathResource classPath && script.exists()) ? classPath.getPath() : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	@Override
	protected void runScripts(Scripts scripts) {
		if (JdbcSagaStore.DEFAULT_TABLE_PREFIX.equals(this.tablePrefix)) {
			super.runScripts(scripts);
			return;
		}
		Charset encoding = (scripts.getEncoding() != null) ? scripts.getEncoding() : StandardCharsets.UTF_8;
		List<Resource> prefixed = new ArrayList<>();
		for (Resource script : scripts) {
			prefixed.add(withPrefix(script, encoding));
		}
		super.runScripts(new Scripts(prefixed).continueOnError(scripts.isContinueOnError())
			.separator(scripts.getSeparator())
			.encoding(encoding));
	}

	private Resource withPrefix(Resource script, Charset encoding) {
		try {
			String sql = script.getContentAsString(encoding)
				.replace(JdbcSagaStore.DEFAULT_TABLE_PREFIX, this.tablePrefix);
			return new ByteArrayResource(sql.getBytes(encoding), script.getDescription());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the saga schema script " + script, ex);
		}
	}

}
