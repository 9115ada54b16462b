package dev.resilience.saga;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Where saga executions and their steps are logged. {@link InMemorySagaStore} keeps them
 * for the life of the process; a durable store lets another process compensate a saga
 * after a crash.
 * <p>
 * <b>Cost.</b> A step is logged with two writes on its happy path, {@link #stepStarted}
 * then {@link #stepCompleted}, and a saga with two more, {@link #createSaga} then
 * {@link #updateState}; a durable implementation should make each of them one statement.
 * Step writes do not touch the saga's own record.
 * <p>
 * <b>Leases.</b> An active saga ({@link SagaState#isActive()}) is leased by the instance
 * working on it, named by an owner id: the owner renews the lease while it works
 * ({@link #renewLeases}) and gives it up when the saga finishes (a finishing
 * {@link #updateState} clears it) or when it stops working on it ({@link #releaseLease}).
 * State changes are fenced by the lease: {@link #updateState} only applies for the
 * current owner, so an instance that lost its lease cannot overwrite what the new owner
 * records. Once a lease has expired, {@link #claimStale} hands the saga to exactly one
 * claimant. Leases compare instants read from each instance's clock, so a lease must be
 * much longer than the clock skew between instances and the longest pause of one.
 * <p>
 * Implementations must be safe for concurrent use by many threads and processes. Writes
 * to a saga or a step that does not exist are ignored.
 *
 * @author Resilience
 * @since 0.1.0
 */
public interface SagaStore {

	/**
	 * Log a new execution, as returned by {@link SagaExecution#start}: running, without
	 * steps, leased by the instance that runs it.
	 * @param saga the execution
	 */
	void createSaga(SagaExecution saga);

	/**
	 * Log that a step started: its sequence, name, encoded arguments and compensation, in
	 * state {@link StepState#STARTED}.
	 * @param sagaId the execution's id
	 * @param step the step, as returned by {@link StepExecution#started}
	 */
	void stepStarted(UUID sagaId, StepExecution step);

	/**
	 * Log that a step completed, in state {@link StepState#COMPLETED}, with its result.
	 * @param sagaId the execution's id
	 * @param sequence the step's sequence
	 * @param result the encoded result, or {@code null} if not stored
	 */
	void stepCompleted(UUID sagaId, int sequence, @Nullable String result);

	/**
	 * Log that a step failed. A permanent failure moves it to {@link StepState#FAILED}; a
	 * transient one leaves it {@link StepState#STARTED} (its outcome is unknown). Both
	 * set its error.
	 * @param sagaId the execution's id
	 * @param sequence the step's sequence
	 * @param error the failure, as class name and message
	 * @param permanent whether the failure is known not to have taken effect
	 */
	void stepFailed(UUID sagaId, int sequence, String error, boolean permanent);

	/**
	 * Log that a step was compensated: {@link StepState#COMPENSATED}, with the number of
	 * compensation attempts so far. Its error is kept.
	 * @param sagaId the execution's id
	 * @param sequence the step's sequence
	 * @param attempts the compensation attempts so far, including the one that succeeded
	 */
	void stepCompensated(UUID sagaId, int sequence, int attempts);

	/**
	 * Log that a step's compensation failed on every attempt:
	 * {@link StepState#COMPENSATION_FAILED}, with the number of attempts so far and the
	 * last error.
	 * @param sagaId the execution's id
	 * @param sequence the step's sequence
	 * @param attempts the compensation attempts so far
	 * @param error the last compensation error, as class name and message
	 */
	void stepCompensationFailed(UUID sagaId, int sequence, int attempts, String error);

	/**
	 * Change an execution's state, only if the given owner holds its lease. Sets
	 * {@code updatedAt}; sets the cause if one is given, else keeps it; clears the lease
	 * if the new state is not active.
	 * @param sagaId the execution's id
	 * @param owner the instance making the change
	 * @param state the new state
	 * @param cause the new cause, or {@code null} to keep the current one
	 * @param now the time of the change
	 * @return {@code true} if changed, {@code false} if the owner does not hold the lease
	 * (or the execution does not exist)
	 */
	boolean updateState(UUID sagaId, String owner, SagaState state, @Nullable String cause, Instant now);

	/**
	 * Return an execution with its steps.
	 * @param sagaId the execution's id
	 * @return the execution, or empty if there is none
	 */
	Optional<SagaExecution> find(UUID sagaId);

	/**
	 * Count executions by saga name and state. A state without executions may be absent.
	 * @return the counts, by saga name, then by state
	 */
	Map<String, Map<SagaState, Long>> countsByState();

	/**
	 * Return the latest {@link SagaState#FAILED} executions of a saga, with their steps,
	 * most recently updated first.
	 * @param sagaName the saga name
	 * @param limit the most executions to return
	 * @return the executions
	 */
	List<SagaExecution> recentFailed(String sagaName, int limit);

	/**
	 * Take the lease of active executions whose lease has expired (or is held by nobody),
	 * oldest first, for recovery. The claim is atomic: two concurrent calls, in this or
	 * another process, never return the same execution, for example through a conditional
	 * update of each candidate's lease, keeping those whose update applied, or through
	 * {@code SELECT ... FOR UPDATE SKIP LOCKED}. The state is not changed.
	 * @param owner the instance claiming
	 * @param now the current time; a lease ending at or before it has expired
	 * @param leaseUntil when the new lease expires
	 * @param limit the most executions to claim
	 * @return the claimed executions with their steps, leased by {@code owner}
	 */
	List<SagaExecution> claimStale(String owner, Instant now, Instant leaseUntil, int limit);

	/**
	 * Take a {@link SagaState#FAILED} execution to retry its compensation: atomically
	 * moves it to {@link SagaState#COMPENSATING}, leased by the owner, if it is still
	 * failed. Sets {@code updatedAt}.
	 * @param sagaId the execution's id
	 * @param owner the instance claiming
	 * @param now the current time
	 * @param leaseUntil when the new lease expires
	 * @return the claimed execution with its steps, or empty if it does not exist or is
	 * not failed
	 */
	Optional<SagaExecution> claimFailed(UUID sagaId, String owner, Instant now, Instant leaseUntil);

	/**
	 * Extend the leases the owner holds on the given active executions; others are left
	 * alone.
	 * @param owner the instance renewing
	 * @param sagaIds the executions it works on
	 * @param leaseUntil when the renewed leases expire
	 * @return how many leases were renewed
	 */
	int renewLeases(String owner, Collection<UUID> sagaIds, Instant leaseUntil);

	/**
	 * Delete {@link SagaState#COMPLETED} and {@link SagaState#COMPENSATED} executions,
	 * with their steps, whose state last changed before the given time, oldest first.
	 * Active and failed executions are never deleted. A store that bounds itself
	 * otherwise may delete nothing, which is what this default does.
	 * @param updatedBefore executions updated at or after this time are kept
	 * @param limit the most executions to delete
	 * @return how many were deleted
	 */
	default int deleteFinished(Instant updatedBefore, int limit) {
		return 0;
	}

	/**
	 * Give up the lease of an execution the owner stops working on before it finished,
	 * leaving its state as it is, so that recovery can take it at once.
	 * @param sagaId the execution's id
	 * @param owner the instance releasing
	 * @return {@code true} if released, {@code false} if the owner did not hold it
	 */
	boolean releaseLease(UUID sagaId, String owner);

}
