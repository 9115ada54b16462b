package dev.resilience.saga;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

/**
 * A {@link SagaStore} in the memory of this process: nothing survives it, and no other
 * process sees it, so recovery only finishes sagas whose compensation this process left
 * undone. Writes are serialised by one lock, which makes every claim atomic; reads see
 * immutable snapshots without locking.
 * <p>
 * Completed and compensated executions are forgotten, oldest first, beyond a maximum
 * number, while the counts by state keep counting them. Active and failed executions are
 * kept until they finish.
 *
 * @author Resilience
 * @since 0.1.0
 */
public final class InMemorySagaStore implements SagaStore {

	/**
	 * Default number of completed and compensated executions kept.
	 */
	public static final int DEFAULT_MAX_FINISHED = 10_000;

	private static final Comparator<SagaExecution> OLDEST_FIRST = Comparator.comparing(SagaExecution::startedAt);

	private static final Comparator<SagaExecution> LATEST_UPDATE_FIRST = Comparator.comparing(SagaExecution::updatedAt)
		.reversed();

	private final int maxFinished;

	private final ReentrantLock lock = new ReentrantLock();

	private final Map<UUID, SagaExecution> sagas = new ConcurrentHashMap<>();

	private final Deque<UUID> finished = new ArrayDeque<>();

	private final Map<String, Map<SagaState, Long>> counts = new HashMap<>();

	/**
	 * Create a store keeping {@link #DEFAULT_MAX_FINISHED} finished executions.
	 */
	public InMemorySagaStore() {
		this(DEFAULT_MAX_FINISHED);
	}

	/**
	 * Create a store keeping the given number of finished executions.
	 * @param maxFinished how many completed and compensated executions to keep, at least
	 * 1
	 */
	public InMemorySagaStore(int maxFinished) {
		if (maxFinished < 1) {
			throw new IllegalArgumentException("maxFinished must be at least 1, but was " + maxFinished);
		}
		this.maxFinished = maxFinished;
	}

	@Override
	public void createSaga(SagaExecution saga) {
		Objects.requireNonNull(saga, "saga must not be null");
		this.lock.lock();
		try {
			if (this.sagas.putIfAbsent(saga.id(), saga) != null) {
				throw new IllegalStateException("Saga execution " + saga.id() + " exists already");
			}
			count(saga.name(), null, saga.state());
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public void stepStarted(UUID sagaId, StepExecution step) {
		update(sagaId, (saga) -> saga.withStep(step));
	}

	@Override
	public void stepCompleted(UUID sagaId, int sequence, @Nullable String result) {
		updateStep(sagaId, sequence, (step) -> step.completed(result));
	}

	@Override
	public void stepFailed(UUID sagaId, int sequence, String error, boolean permanent) {
		updateStep(sagaId, sequence,
				(step) -> step.withOutcome(permanent ? StepState.FAILED : step.state(), step.attempts(), error));
	}

	@Override
	public void stepCompensated(UUID sagaId, int sequence, int attempts) {
		updateStep(sagaId, sequence, (step) -> step.withOutcome(StepState.COMPENSATED, attempts, null));
	}

	@Override
	public void stepCompensationFailed(UUID sagaId, int sequence, int attempts, String error) {
		updateStep(sagaId, sequence, (step) -> step.withOutcome(StepState.COMPENSATION_FAILED, attempts, error));
	}

	@Override
	public boolean updateState(UUID sagaId, String owner, SagaState state, @Nullable String cause, Instant now) {
		this.lock.lock();
		try {
			SagaExecution saga = this.sagas.get(sagaId);
			if (saga == null || !owner.equals(saga.leaseOwner())) {
				return false;
			}
			replace(saga, saga.withState(state, cause, now));
			return true;
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public Optional<SagaExecution> find(UUID sagaId) {
		return Optional.ofNullable(this.sagas.get(sagaId));
	}

	@Override
	public Map<String, Map<SagaState, Long>> countsByState() {
		this.lock.lock();
		try {
			Map<String, Map<SagaState, Long>> copy = new HashMap<>();
			this.counts.forEach((name, byState) -> copy.put(name, new EnumMap<>(byState)));
			return copy;
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public List<SagaExecution> recentFailed(String sagaName, int limit) {
		return this.sagas.values()
			.stream()
			.filter((saga) -> saga.state() == SagaState.FAILED && saga.name().equals(sagaName))
			.sorted(LATEST_UPDATE_FIRST)
			.limit(Math.max(0, limit))
			.toList();
	}

	@Override
	public List<SagaExecution> claimStale(String owner, Instant now, Instant leaseUntil, int limit) {
		this.lock.lock();
		try {
			List<SagaExecution> stale = this.sagas.values()
				.stream()
				.filter((saga) -> saga.state().isActive() && saga.isLeaseExpired(now))
				.sorted(OLDEST_FIRST)
				.limit(Math.max(0, limit))
				.toList();
			List<SagaExecution> claimed = new ArrayList<>(stale.size());
			for (SagaExecution saga : stale) {
				SagaExecution leased = saga.withLease(owner, leaseUntil);
				replace(saga, leased);
				claimed.add(leased);
			}
			return claimed;
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public Optional<SagaExecution> claimFailed(UUID sagaId, String owner, Instant now, Instant leaseUntil) {
		this.lock.lock();
		try {
			SagaExecution saga = this.sagas.get(sagaId);
			if (saga == null || saga.state() != SagaState.FAILED) {
				return Optional.empty();
			}
			SagaExecution claimed = saga.withState(SagaState.COMPENSATING, null, now).withLease(owner, leaseUntil);
			replace(saga, claimed);
			return Optional.of(claimed);
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public int renewLeases(String owner, Collection<UUID> sagaIds, Instant leaseUntil) {
		this.lock.lock();
		try {
			int renewed = 0;
			for (UUID id : sagaIds) {
				SagaExecution saga = this.sagas.get(id);
				if (saga != null && saga.state().isActive() && owner.equals(saga.leaseOwner())) {
					replace(saga, saga.withLease(owner, leaseUntil));
					renewed++;
				}
			}
			return renewed;
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public boolean releaseLease(UUID sagaId, String owner) {
		this.lock.lock();
		try {
			SagaExecution saga = this.sagas.get(sagaId);
			if (saga == null || !owner.equals(saga.leaseOwner())) {
				return false;
			}
			replace(saga, saga.withLease(null, null));
			return true;
		}
		finally {
			this.lock.unlock();
		}
	}

	private void updateStep(UUID sagaId, int sequence, UnaryOperator<StepExecution> change) {
		update(sagaId, (saga) -> {
			StepExecution step = saga.step(sequence);
			return (step != null) ? saga.withStep(change.apply(step)) : saga;
		});
	}

	private void update(UUID sagaId, UnaryOperator<SagaExecution> change) {
		this.lock.lock();
		try {
			SagaExecution saga = this.sagas.get(sagaId);
			if (saga != null) {
				replace(saga, change.apply(saga));
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	private void replace(SagaExecution previous, SagaExecution next) {
		this.sagas.put(next.id(), next);
		if (previous.state() != next.state()) {
			count(next.name(), previous.state(), next.state());
			if (next.state() == SagaState.COMPLETED || next.state() == SagaState.COMPENSATED) {
				forgetOldFinished(next.id());
			}
		}
	}

	private void count(String name, @Nullable SagaState from, SagaState to) {
		Map<SagaState, Long> byState = this.counts.computeIfAbsent(name, (key) -> new EnumMap<>(SagaState.class));
		if (from != null) {
			byState.merge(from, -1L, Long::sum);
		}
		byState.merge(to, 1L, Long::sum);
	}

	private void forgetOldFinished(UUID id) {
		this.finished.addLast(id);
		while (this.finished.size() > this.maxFinished) {
			this.sagas.remove(this.finished.removeFirst());
		}
	}

}
