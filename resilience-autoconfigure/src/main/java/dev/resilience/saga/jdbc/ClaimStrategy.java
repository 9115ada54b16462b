package dev.resilience.saga.jdbc;

/**
 * How {@link JdbcSagaStore} takes the leases of stale sagas, chosen by database.
 *
 * @author Resilience
 */
enum ClaimStrategy {

	/**
	 * One {@code UPDATE ... RETURNING} whose candidates are locked with
	 * {@code FOR UPDATE SKIP LOCKED}, so that concurrent claimants pass over each other's
	 * rows instead of waiting for them.
	 */
	SKIP_LOCKED,

	/**
	 * A query for the candidates, then one conditional update per candidate, keeping
	 * those whose update applied: portable to any database.
	 */
	CONDITIONAL_UPDATE;

	/**
	 * Return the strategy for a database.
	 * @param productName the database product name, as reported by its driver
	 * @return the strategy
	 */
	static ClaimStrategy forDatabase(String productName) {
		return "PostgreSQL".equalsIgnoreCase(productName) ? SKIP_LOCKED : CONDITIONAL_UPDATE;
	}

}
