package dev.resilience.autoconfigure;

import java.util.List;

import dev.resilience.saga.jdbc.JdbcSagaStore;
import org.jspecify.annotations.Nullable;

/**
 * Thrown at start-up when the application has sagas and the tables of its JDBC saga log
 * are missing, so that it fails once, saying how to create them, rather than failing on
 * every saga and every recovery round.
 *
 * @author Resilience
 */
class SagaTablesMissingException extends IllegalStateException {

	private static final String SCRIPTS = "dev/resilience/saga/jdbc/schema-<database>.sql";

	private final String description;

	private final String action;

	/**
	 * Create an exception.
	 * @param tables the tables that are missing or lack a column
	 * @param script where the schema script of the database is in the jar, or
	 * {@code null} if none ships for it
	 * @param tablePrefix the configured table prefix
	 */
	SagaTablesMissingException(List<String> tables, @Nullable String script, String tablePrefix) {
		this(description(tables), action(script, tablePrefix));
	}

	private SagaTablesMissingException(String description, String action) {
		super(description + " " + action);
		this.description = description;
		this.action = action;
	}

	private static String description(List<String> tables) {
		return "The application has sagas, but the tables of its saga log, " + String.join(", ", tables)
				+ ", are missing from its database or lack columns.";
	}

	private static String action(@Nullable String script, String tablePrefix) {
		String prefix = JdbcSagaStore.DEFAULT_TABLE_PREFIX.equals(tablePrefix) ? ""
				: " with " + JdbcSagaStore.DEFAULT_TABLE_PREFIX + " replaced by " + tablePrefix;
		String shipped = (script != null) ? "the script shipped in the jar at " + script
				: "one of the scripts shipped in the jar at " + SCRIPTS
						+ " (h2, postgresql, mysql), adapted to your database";
		return "Set resilience.saga.jdbc.initialize-schema=always to create them on start (the script creates only "
				+ "what is missing), or create them with " + shipped + prefix
				+ ", for example in a Flyway or Liquibase migration.";
	}

	/**
	 * Return the description of the problem, without the action.
	 * @return the description
	 */
	String getDescription() {
		return this.description;
	}

	/**
	 * Return how to fix the problem.
	 * @return the action
	 */
	String getAction() {
		return this.action;
	}

}
