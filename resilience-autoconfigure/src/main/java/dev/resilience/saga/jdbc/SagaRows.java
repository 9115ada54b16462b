package dev.resilience.saga.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.resilience.saga.CompensationRef;
import dev.resilience.saga.SagaExecution;
import dev.resilience.saga.SagaState;
import dev.resilience.saga.StepExecution;
import dev.resilience.saga.StepState;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SqlParameterValue;

/**
 * Maps the rows of a {@link JdbcSagaStore} to executions and steps, and their values to
 * statement parameters: instants as epoch milliseconds, ids as text, a compensation as
 * its target, method and comma-separated parameter types.
 *
 * @author Resilience
 */
final class SagaRows {

	private static final SqlParameterValue NULL_TEXT = new SqlParameterValue(Types.VARCHAR, null);

	private static final SqlParameterValue NULL_MILLIS = new SqlParameterValue(Types.BIGINT, null);

	private static final String TYPE_SEPARATOR = ",";

	/**
	 * Orders executions as the claim queries do: oldest first, then by id.
	 */
	static final Comparator<SagaExecution> OLDEST_FIRST = Comparator.comparing(SagaExecution::startedAt)
		.thenComparing((saga) -> saga.id().toString());

	/**
	 * Maps a row of the saga table to an execution without steps.
	 */
	static final RowMapper<SagaExecution> SAGA = (rs, row) -> new SagaExecution(UUID.fromString(rs.getString("id")),
			rs.getString("name"), SagaState.valueOf(rs.getString("state")),
			Instant.ofEpochMilli(rs.getLong("started_at")), Instant.ofEpochMilli(rs.getLong("updated_at")),
			rs.getString("cause"), rs.getString("lease_owner"), instant(rs, "lease_until"), List.of());

	/**
	 * Maps a row of the step table to a step.
	 */
	static final RowMapper<StepExecution> STEP = (rs, row) -> new StepExecution(rs.getInt("sequence_number"),
			rs.getString("name"), StepState.valueOf(rs.getString("state")), rs.getInt("attempts"),
			rs.getString("error"), rs.getString("arguments"), rs.getString("result"), compensation(rs));

	private SagaRows() {
	}

	/**
	 * Return a handler collecting rows of the step table by saga id.
	 * @param steps where to collect them
	 * @return the handler
	 */
	static RowCallbackHandler stepsBySaga(Map<UUID, List<StepExecution>> steps) {
		return (rs) -> steps.computeIfAbsent(UUID.fromString(rs.getString("saga_id")), (id) -> new ArrayList<>())
			.add(STEP.mapRow(rs, 0));
	}

	/**
	 * Return an execution with the given steps.
	 * @param saga the execution, without steps
	 * @param steps its steps
	 * @return the execution with its steps
	 */
	static SagaExecution withSteps(SagaExecution saga, @Nullable List<StepExecution> steps) {
		return (steps != null) ? new SagaExecution(saga.id(), saga.name(), saga.state(), saga.startedAt(),
				saga.updatedAt(), saga.cause(), saga.leaseOwner(), saga.leaseUntil(), steps) : saga;
	}

	/**
	 * Return executions, each with its steps.
	 * @param sagas the executions, without steps
	 * @param steps their steps by saga id
	 * @return the executions with their steps, in the same order
	 */
	static List<SagaExecution> withSteps(List<SagaExecution> sagas, Map<UUID, List<StepExecution>> steps) {
		List<SagaExecution> complete = new ArrayList<>(sagas.size());
		for (SagaExecution saga : sagas) {
			complete.add(withSteps(saga, steps.get(saga.id())));
		}
		return complete;
	}

	/**
	 * Return counts collected from rows of name, state and count.
	 * @param counts where to collect them
	 * @return the handler
	 */
	static RowCallbackHandler counts(Map<String, Map<SagaState, Long>> counts) {
		return (rs) -> counts.computeIfAbsent(rs.getString("name"), (name) -> new HashMap<>())
			.put(SagaState.valueOf(rs.getString("state")), rs.getLong("executions"));
	}

	/**
	 * Return the parameter of a text column.
	 * @param value the text, or {@code null}
	 * @return the parameter, typed when null so that no driver has to guess
	 */
	static Object text(@Nullable String value) {
		return (value != null) ? value : NULL_TEXT;
	}

	/**
	 * Return the parameter of an instant column.
	 * @param value the instant, or {@code null}
	 * @return its epoch milliseconds, or a typed null
	 */
	static Object millis(@Nullable Instant value) {
		return (value != null) ? value.toEpochMilli() : NULL_MILLIS;
	}

	/**
	 * Return the parameters of the compensation columns: target, method and parameter
	 * types.
	 * @param ref the compensation, or {@code null} for none
	 * @return the three parameters
	 */
	static Object[] compensation(@Nullable CompensationRef ref) {
		if (ref == null) {
			return new Object[] { NULL_TEXT, NULL_TEXT, NULL_TEXT };
		}
		return new Object[] { ref.target(), ref.method(), String.join(TYPE_SEPARATOR, ref.parameterTypes()) };
	}

	private static @Nullable CompensationRef compensation(ResultSet rs) throws SQLException {
		String target = rs.getString("compensation_target");
		if (target == null) {
			return null;
		}
		String method = rs.getString("compensation_method");
		String types = rs.getString("compensation_parameters");
		return new CompensationRef(target, (method != null) ? method : "",
				(types == null || types.isEmpty()) ? List.of() : List.of(types.split(TYPE_SEPARATOR)));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		long millis = rs.getLong(column);
		return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
	}

}
