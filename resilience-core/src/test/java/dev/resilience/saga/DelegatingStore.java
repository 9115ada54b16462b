package dev.resilience.saga;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A {@link SagaStore} that passes every call on, after asking {@link #beforeWrite}
 * whether a write may go through.
 */
class DelegatingStore implements SagaStore {

	private final SagaStore delegate;

	DelegatingStore(SagaStore delegate) {
		this.delegate = delegate;
	}

	/**
	 * Called before every write; throw to fail it.
	 * @param operation the name of the store method
	 */
	void beforeWrite(String operation) {
	}

	@Override
	public void createSaga(SagaExecution saga) {
		beforeWrite("createSaga");
		this.delegate.createSaga(saga);
	}

	@Override
	public void stepStarted(UUID sagaId, StepExecution step) {
		beforeWrite("stepStarted");
		this.delegate.stepStarted(sagaId, step);
	}

	@Override
	public void stepCompleted(UUID sagaId, int sequence, @Nullable String result) {
		beforeWrite("stepCompleted");
		this.delegate.stepCompleted(sagaId, sequence, result);
	}

	@Override
	public void stepFailed(UUID sagaId, int sequence, String error, boolean permanent) {
		beforeWrite("stepFailed");
		this.delegate.stepFailed(sagaId, sequence, error, permanent);
	}

	@Override
	public void stepCompensated(UUID sagaId, int sequence, int attempts) {
		beforeWrite("stepCompensated");
		this.delegate.stepCompensated(sagaId, sequence, attempts);
	}

	@Override
	public void stepCompensationFailed(UUID sagaId, int sequence, int attempts, String error) {
		beforeWrite("stepCompensationFailed");
		this.delegate.stepCompensationFailed(sagaId, sequence, attempts, error);
	}

	@Override
	public boolean updateState(UUID sagaId, String owner, SagaState state, @Nullable String cause, Instant now) {
		beforeWrite("updateState " + state);
		return this.delegate.updateState(sagaId, owner, state, cause, now);
	}

	@Override
	public Optional<SagaExecution> find(UUID sagaId) {
		return this.delegate.find(sagaId);
	}

	@Override
	public Map<String, Map<SagaState, Long>> countsByState() {
		return this.delegate.countsByState();
	}

	@Override
	public List<SagaExecution> recentFailed(String sagaName, int limit) {
		return this.delegate.recentFailed(sagaName, limit);
	}

	@Override
	public List<SagaExecution> claimStale(String owner, Instant now, Instant leaseUntil, int limit) {
		return this.delegate.claimStale(owner, now, leaseUntil, limit);
	}

	@Override
	public Optional<SagaExecution> claimFailed(UUID sagaId, String owner, Instant now, Instant leaseUntil) {
		beforeWrite("claimFailed");
		return this.delegate.claimFailed(sagaId, owner, now, leaseUntil);
	}

	@Override
	public int renewLeases(String owner, Collection<UUID> sagaIds, Instant leaseUntil) {
		return this.delegate.renewLeases(owner, sagaIds, leaseUntil);
	}

	@Override
	public boolean releaseLease(UUID sagaId, String owner) {
		beforeWrite("releaseLease");
		return this.delegate.releaseLease(sagaId, owner);
	}

}
