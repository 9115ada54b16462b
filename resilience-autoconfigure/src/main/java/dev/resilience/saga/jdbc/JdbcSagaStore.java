package dev.resilience.saga.jdbc;

import java.sql.DatabaseMetaData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import dev.resilience.saga.SagaExecution;
import dev.resilience.saga.SagaState;
import dev.resilience.saga.SagaStore;
import dev.resilience.saga.StepExecution;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A {@link SagaStore} in a relational database, through JDBC: sagas in a table
 * {@code <prefix>SAGA}, their steps in {@code <prefix>SAGA_STEP}. The schema scripts for
 * H2, PostgreSQL and MySQL or MariaDB are shipped beside this class, as
 * {@code dev/resilience/saga/jdbc/schema-<database>.sql}, with the default prefix.
 * <p>
 * Each write of a saga's happy path is one statement. Instants are stored as epoch
 * milliseconds, so that leases compare the same whatever the time zones of the database
 * and the instances. On PostgreSQL, stale sagas are claimed by one update that skips the
 * rows other claimants hold ({@code FOR UPDATE SKIP LOCKED}); elsewhere, each candidate
 * is taken by a conditional update of its lease. The database is looked up on the first
 * claim, so creating a store opens no connection.
 * <p>
 * Writes never join the transaction of the calling thread: when it has one, they run
 * beside it, on another connection of the pool, and commit at once. A {@code @Saga} or
 * {@code @SagaStep} method that is also {@code @Transactional} therefore logs its steps
 * even when its transaction rolls back, which is what compensation relies on; the pool
 * needs a connection to spare for it.
 *
 * @author Resilience
 * @since 0.1.0
 */
public final class JdbcSagaStore implements SagaStore {

	/**
	 * Default prefix of the table names.
	 */
	public static final String DEFAULT_TABLE_PREFIX = "RESILIENCE_";

	private static final Pattern TABLE_PREFIX = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)?");

	// keeps each IN list well below the limits of every database
	private static final int MAX_IDS_PER_STATEMENT = 500;

	private final DataSource dataSource;

	private final JdbcClient client;

	private final SagaSql sql;

	private final TransactionTemplate suspending;

	private volatile @Nullable ClaimStrategy claimStrategy;

	/**
	 * Create a store using tables named with the {@link #DEFAULT_TABLE_PREFIX}.
	 * @param dataSource the database
	 */
	public JdbcSagaStore(DataSource dataSource) {
		this(dataSource, DEFAULT_TABLE_PREFIX);
	}

	/**
	 * Create a store using tables named with the given prefix.
	 * @param dataSource the database
	 * @param tablePrefix the prefix of the table names: letters, digits and underscores,
	 * not starting with a digit
	 */
	public JdbcSagaStore(DataSource dataSource, String tablePrefix) {
		Objects.requireNonNull(dataSource, "dataSource must not be null");
		Objects.requireNonNull(tablePrefix, "tablePrefix must not be null");
		if (!isValidTablePrefix(tablePrefix)) {
			throw new IllegalArgumentException("tablePrefix must contain only letters, digits and underscores, "
					+ "and not start with a digit, but was '" + tablePrefix + "'");
		}
		this.dataSource = dataSource;
		this.client = JdbcClient.create(dataSource);
		DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
		transactions.setTransactionSynchronization(AbstractPlatformTransactionManager.SYNCHRONIZATION_NEVER);
		this.suspending = new TransactionTemplate(transactions);
		this.suspending.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
		this.sql = new SagaSql(tablePrefix);
	}

	/**
	 * Return whether a table prefix is allowed: letters, digits and underscores, not
	 * starting with a digit, or empty.
	 * @param tablePrefix the prefix
	 * @return whether the store accepts it
	 */
	public static boolean isValidTablePrefix(String tablePrefix) {
		return TABLE_PREFIX.matcher(tablePrefix).matches();
	}

	@Override
	public void createSaga(SagaExecution saga) {
		Objects.requireNonNull(saga, "saga must not be null");
		independently(() -> this.client.sql(this.sql.insertSaga)
			.params(saga.id().toString(), saga.name(), saga.state().name(), saga.startedAt().toEpochMilli(),
					saga.updatedAt().toEpochMilli(), SagaRows.text(saga.cause()), SagaRows.text(saga.leaseOwner()),
					SagaRows.millis(saga.leaseUntil()))
			.update());
	}

	@Override
	public void stepStarted(UUID sagaId, StepExecution step) {
		Object[] compensation = SagaRows.compensation(step.compensation());
		independently(() -> this.client.sql(this.sql.insertStep)
			.params(step.sequence(), step.name(), step.state().name(), step.attempts(), SagaRows.text(step.error()),
					SagaRows.text(step.arguments()), SagaRows.text(step.result()), compensation[0], compensation[1],
					compensation[2], sagaId.toString())
			.update());
	}

	@Override
	public void stepCompleted(UUID sagaId, int sequence, @Nullable String result) {
		independently(() -> this.client.sql(this.sql.completeStep)
			.params(SagaRows.text(result), sagaId.toString(), sequence)
			.update());
	}

	@Override
	public void stepFailed(UUID sagaId, int sequence, String error, boolean permanent) {
		String statement = permanent ? this.sql.failStepPermanently : this.sql.failStep;
		independently(() -> this.client.sql(statement).params(error, sagaId.toString(), sequence).update());
	}

	@Override
	public void stepCompensated(UUID sagaId, int sequence, int attempts) {
		independently(
				() -> this.client.sql(this.sql.compensateStep).params(attempts, sagaId.toString(), sequence).update());
	}

	@Override
	public void stepCompensationFailed(UUID sagaId, int sequence, int attempts, String error) {
		independently(() -> this.client.sql(this.sql.failCompensation)
			.params(attempts, error, sagaId.toString(), sequence)
			.update());
	}

	@Override
	public boolean updateState(UUID sagaId, String owner, SagaState state, @Nullable String cause, Instant now) {
		String statement = state.isActive() ? this.sql.updateActiveState : this.sql.updateFinishedState;
		return independently(() -> this.client.sql(statement)
			.params(state.name(), SagaRows.text(cause), now.toEpochMilli(), sagaId.toString(), owner)
			.update()) == 1;
	}

	@Override
	public Optional<SagaExecution> find(UUID sagaId) {
		String id = sagaId.toString();
		Optional<SagaExecution> saga = this.client.sql(this.sql.findSaga).param(id).query(SagaRows.SAGA).optional();
		return saga.map((found) -> SagaRows.withSteps(found,
				this.client.sql(this.sql.findSteps).param(id).query(SagaRows.STEP).list()));
	}

	@Override
	public Map<String, Map<SagaState, Long>> countsByState() {
		Map<String, Map<SagaState, Long>> counts = new HashMap<>();
		this.client.sql(this.sql.countByState).query(SagaRows.counts(counts));
		return counts;
	}

	@Override
	public List<SagaExecution> recentFailed(String sagaName, int limit) {
		if (limit <= 0) {
			return List.of();
		}
		List<SagaExecution> sagas = this.client.sql(this.sql.recentFailed)
			.withMaxRows(limit)
			.param(sagaName)
			.query(SagaRows.SAGA)
			.list();
		return withSteps(sagas);
	}

	@Override
	public List<SagaExecution> claimStale(String owner, Instant now, Instant leaseUntil, int limit) {
		if (limit <= 0) {
			return List.of();
		}
		return independently(() -> withSteps((claimStrategy() == ClaimStrategy.SKIP_LOCKED)
				? claimSkippingLocked(owner, now, leaseUntil, limit) : claimEach(owner, now, leaseUntil, limit)));
	}

	@Override
	public Optional<SagaExecution> claimFailed(UUID sagaId, String owner, Instant now, Instant leaseUntil) {
		int claimed = independently(() -> this.client.sql(this.sql.claimFailed)
			.params(now.toEpochMilli(), owner, leaseUntil.toEpochMilli(), sagaId.toString())
			.update());
		return (claimed == 1) ? find(sagaId) : Optional.empty();
	}

	@Override
	public int renewLeases(String owner, Collection<UUID> sagaIds, Instant leaseUntil) {
		if (sagaIds.isEmpty()) {
			return 0;
		}
		List<String> ids = ids(new LinkedHashSet<>(sagaIds));
		return independently(() -> {
			int renewed = 0;
			for (int from = 0; from < ids.size(); from += MAX_IDS_PER_STATEMENT) {
				renewed += this.client.sql(this.sql.renewLeases)
					.param("leaseUntil", leaseUntil.toEpochMilli())
					.param("ids", ids.subList(from, Math.min(ids.size(), from + MAX_IDS_PER_STATEMENT)))
					.param("owner", owner)
					.update();
			}
			return renewed;
		});
	}

	@Override
	public int deleteFinished(Instant updatedBefore, int limit) {
		if (limit <= 0) {
			return 0;
		}
		return independently(() -> {
			List<String> ids = this.client.sql(this.sql.finishedBefore)
				.withMaxRows(Math.min(limit, MAX_IDS_PER_STATEMENT))
				.param(updatedBefore.toEpochMilli())
				.query(String.class)
				.list();
			if (ids.isEmpty()) {
				return 0;
			}
			// a finished saga's steps no longer change, so deleting them first is safe
			this.client.sql(this.sql.deleteStepsOfSagas).param("ids", ids).update();
			return this.client.sql(this.sql.deleteFinishedSagas).param("ids", ids).update();
		});
	}

	@Override
	public boolean releaseLease(UUID sagaId, String owner) {
		return independently(
				() -> this.client.sql(this.sql.releaseLease).params(sagaId.toString(), owner).update()) == 1;
	}

	/**
	 * Return the tables of this store that it cannot use, being missing or lacking one of
	 * its columns: one query per table, reading no row.
	 * @return the names of those tables, empty when both can be used
	 * @throws DataAccessException if the database cannot answer for another reason, such
	 * as being unreachable
	 */
	public List<String> missingTables() {
		List<String> missing = new ArrayList<>(2);
		if (!canRead(this.sql.readNoSaga)) {
			missing.add(this.sql.sagaTable);
		}
		if (!canRead(this.sql.readNoStep)) {
			missing.add(this.sql.stepTable);
		}
		return missing;
	}

	private boolean canRead(String query) {
		try {
			independently(() -> this.client.sql(query).query().listOfRows());
			return true;
		}
		catch (BadSqlGrammarException ex) {
			return false;
		}
	}

	/**
	 * Run writes outside the calling thread's transaction, if it has one, so that the log
	 * never rolls back with the work it records.
	 */
	private <T> T independently(Supplier<T> work) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()
				&& !TransactionSynchronizationManager.isActualTransactionActive()) {
			return work.get();
		}
		return Objects.requireNonNull(this.suspending.execute((status) -> work.get()));
	}

	/**
	 * Return how stale sagas are claimed in this database, looking it up the first time.
	 * @return the claim strategy
	 */
	ClaimStrategy claimStrategy() {
		ClaimStrategy strategy = this.claimStrategy;
		if (strategy == null) {
			strategy = ClaimStrategy.forDatabase(databaseProductName());
			this.claimStrategy = strategy;
		}
		return strategy;
	}

	private String databaseProductName() {
		try {
			return JdbcUtils.extractDatabaseMetaData(this.dataSource, DatabaseMetaData::getDatabaseProductName);
		}
		catch (MetaDataAccessException ex) {
			throw new DataAccessResourceFailureException("Failed to look up the database of the saga store", ex);
		}
	}

	private List<SagaExecution> claimSkippingLocked(String owner, Instant now, Instant leaseUntil, int limit) {
		List<SagaExecution> claimed = new ArrayList<>(this.client.sql(this.sql.claimSkipLocked)
			.params(owner, leaseUntil.toEpochMilli(), now.toEpochMilli(), limit)
			.query(SagaRows.SAGA)
			.list());
		claimed.sort(SagaRows.OLDEST_FIRST);
		return claimed;
	}

	private List<SagaExecution> claimEach(String owner, Instant now, Instant leaseUntil, int limit) {
		List<String> candidates = this.client.sql(this.sql.staleCandidates)
			.withMaxRows(limit)
			.param(now.toEpochMilli())
			.query(String.class)
			.list();
		List<String> claimed = new ArrayList<>(candidates.size());
		for (String id : candidates) {
			// applies for one claimant only: the others no longer see an expired lease
			if (this.client.sql(this.sql.claimCandidate)
				.params(owner, leaseUntil.toEpochMilli(), id, now.toEpochMilli())
				.update() == 1) {
				claimed.add(id);
			}
		}
		if (claimed.isEmpty()) {
			return List.of();
		}
		List<SagaExecution> sagas = new ArrayList<>(
				this.client.sql(this.sql.findSagas).param("ids", claimed).query(SagaRows.SAGA).list());
		sagas.sort(SagaRows.OLDEST_FIRST);
		return sagas;
	}

	private List<SagaExecution> withSteps(List<SagaExecution> sagas) {
		if (sagas.isEmpty()) {
			return sagas;
		}
		Map<UUID, List<StepExecution>> steps = new HashMap<>();
		this.client.sql(this.sql.findStepsOfSagas)
			.param("ids", ids(sagas.stream().map(SagaExecution::id).toList()))
			.query(SagaRows.stepsBySaga(steps));
		return SagaRows.withSteps(sagas, steps);
	}

	private static List<String> ids(Collection<UUID> ids) {
		List<String> text = new ArrayList<>(ids.size());
		for (UUID id : ids) {
			text.add(id.toString());
		}
		return text;
	}

}
