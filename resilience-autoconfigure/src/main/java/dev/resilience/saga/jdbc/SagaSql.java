package dev.resilience.saga.jdbc;

/**
 * The statements of a {@link JdbcSagaStore}, written once for its table prefix.
 * Positional parameters are bound in the order they appear; only the statements taking a
 * list of ids use named parameters, which Spring expands.
 *
 * @author Resilience
 */
final class SagaSql {

	private static final String SAGA_COLUMNS = "id, name, state, started_at, updated_at, cause, lease_owner, lease_until";

	private static final String STEP_COLUMNS = "saga_id, sequence_number, name, state, attempts, error, arguments, "
			+ "result, compensation_target, compensation_method, compensation_parameters";

	private static final String ACTIVE = "state IN ('RUNNING', 'COMPENSATING')";

	private static final String STALE = ACTIVE + " AND (lease_until IS NULL OR lease_until <= ?)";

	final String sagaTable;

	final String stepTable;

	final String readNoSaga;

	final String readNoStep;

	final String insertSaga;

	final String insertStep;

	final String completeStep;

	final String failStep;

	final String failStepPermanently;

	final String compensateStep;

	final String failCompensation;

	final String updateActiveState;

	final String updateFinishedState;

	final String findSaga;

	final String findSteps;

	final String findStepsOfSagas;

	final String findSagas;

	final String countByState;

	final String recentFailed;

	final String staleCandidates;

	final String claimCandidate;

	final String claimSkipLocked;

	final String claimFailed;

	final String renewLeases;

	final String releaseLease;

	final String finishedBefore;

	final String deleteStepsOfSagas;

	final String deleteFinishedSagas;

	SagaSql(String tablePrefix) {
		String saga = tablePrefix + "SAGA";
		String step = tablePrefix + "SAGA_STEP";
		this.sagaTable = saga;
		this.stepTable = step;
		// fail as every other statement would, when a table or a column is missing
		this.readNoSaga = "SELECT " + SAGA_COLUMNS + " FROM " + saga + " WHERE 1 = 0";
		this.readNoStep = "SELECT " + STEP_COLUMNS + " FROM " + step + " WHERE 1 = 0";
		this.insertSaga = "INSERT INTO " + saga + " (" + SAGA_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
		// selecting from the saga table ignores a step of an unknown saga in one
		// statement
		this.insertStep = "INSERT INTO " + step + " (" + STEP_COLUMNS
				+ ") SELECT id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM " + saga + " WHERE id = ?";
		String updateStep = "UPDATE " + step + " SET ";
		String whereStep = " WHERE saga_id = ? AND sequence_number = ?";
		this.completeStep = updateStep + "state = 'COMPLETED', result = ?" + whereStep;
		this.failStep = updateStep + "error = ?" + whereStep;
		this.failStepPermanently = updateStep + "state = 'FAILED', error = ?" + whereStep;
		this.compensateStep = updateStep + "state = 'COMPENSATED', attempts = ?" + whereStep;
		this.failCompensation = updateStep + "state = 'COMPENSATION_FAILED', attempts = ?, error = ?" + whereStep;
		String updateState = "UPDATE " + saga + " SET state = ?, cause = COALESCE(?, cause), updated_at = ?";
		String whereOwner = " WHERE id = ? AND lease_owner = ?";
		this.updateActiveState = updateState + whereOwner;
		this.updateFinishedState = updateState + ", lease_owner = NULL, lease_until = NULL" + whereOwner;
		String selectSagas = "SELECT " + SAGA_COLUMNS + " FROM " + saga;
		String selectSteps = "SELECT " + STEP_COLUMNS + " FROM " + step;
		this.findSaga = selectSagas + " WHERE id = ?";
		this.findSteps = selectSteps + " WHERE saga_id = ? ORDER BY sequence_number";
		this.findSagas = selectSagas + " WHERE id IN (:ids)";
		this.findStepsOfSagas = selectSteps + " WHERE saga_id IN (:ids)";
		this.countByState = "SELECT name, state, COUNT(*) AS executions FROM " + saga + " GROUP BY name, state";
		this.recentFailed = selectSagas + " WHERE name = ? AND state = 'FAILED' ORDER BY updated_at DESC, id";
		this.staleCandidates = "SELECT id FROM " + saga + " WHERE " + STALE + " ORDER BY started_at, id";
		this.claimCandidate = "UPDATE " + saga + " SET lease_owner = ?, lease_until = ? WHERE id = ? AND " + STALE;
		this.claimSkipLocked = "UPDATE " + saga + " SET lease_owner = ?, lease_until = ? WHERE id IN (SELECT id FROM "
				+ saga + " WHERE " + STALE + " ORDER BY started_at, id LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING "
				+ SAGA_COLUMNS;
		this.claimFailed = "UPDATE " + saga + " SET state = 'COMPENSATING', updated_at = ?, lease_owner = ?, "
				+ "lease_until = ? WHERE id = ? AND state = 'FAILED'";
		this.renewLeases = "UPDATE " + saga + " SET lease_until = :leaseUntil WHERE id IN (:ids) "
				+ "AND lease_owner = :owner AND " + ACTIVE;
		this.releaseLease = "UPDATE " + saga + " SET lease_owner = NULL, lease_until = NULL" + whereOwner;
		String finished = "state IN ('COMPLETED', 'COMPENSATED')";
		this.finishedBefore = "SELECT id FROM " + saga + " WHERE " + finished
				+ " AND updated_at < ? ORDER BY updated_at";
		this.deleteStepsOfSagas = "DELETE FROM " + step + " WHERE saga_id IN (:ids)";
		this.deleteFinishedSagas = "DELETE FROM " + saga + " WHERE id IN (:ids) AND " + finished;
	}

}
