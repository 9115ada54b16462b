package dev.resilience.saga;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.jspecify.annotations.Nullable;

/**
 * A saga whose body runs in this process: its steps as this process knows them, and
 * whether it has ended.
 * <p>
 * Step writes (to the store and to the live steps) hold a shared permit; ending the saga
 * takes the exclusive one. So once {@link #end()} returns, no step write is in flight and
 * none will follow: compensation works from a stable view, and a step that finishes late
 * cannot overwrite what compensation records.
 *
 * @author Resilience
 */
final class ActiveSaga {

	private final UUID id;

	private final String name;

	private final Instant startedAt;

	private final SagaType type;

	private final StepLog log;

	private final SagaContext context = new SagaContext(this);

	private final AtomicInteger sequences = new AtomicInteger();

	private final List<LiveStep> steps = new CopyOnWriteArrayList<>();

	private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

	private volatile boolean ended;

	ActiveSaga(UUID id, String name, Instant startedAt, SagaType type, StepLog log) {
		this.id = id;
		this.name = name;
		this.startedAt = startedAt;
		this.type = type;
		this.log = log;
	}

	UUID id() {
		return this.id;
	}

	String name() {
		return this.name;
	}

	SagaType type() {
		return this.type;
	}

	/**
	 * Return the log of the coordinator running this saga, which logs its steps whichever
	 * coordinator intercepts them.
	 * @return the step log
	 */
	StepLog log() {
		return this.log;
	}

	SagaContext context() {
		return this.context;
	}

	boolean isEnded() {
		return this.ended;
	}

	/**
	 * Take a shared write permit, unless the saga has ended.
	 * @return {@code true} if taken; then {@link #exitWrite()} must follow
	 */
	boolean enterWrite() {
		this.lock.readLock().lock();
		if (this.ended) {
			this.lock.readLock().unlock();
			return false;
		}
		return true;
	}

	void exitWrite() {
		this.lock.readLock().unlock();
	}

	/**
	 * Add a step; only while holding a write permit.
	 * @param definition the step's definition
	 * @param arguments its encoded arguments
	 * @param memory its compensation held in memory, if any
	 * @return the step
	 */
	LiveStep addStep(StepDefinition definition, @Nullable String arguments, @Nullable StepCompensation<Object> memory) {
		LiveStep step = new LiveStep(this.sequences.incrementAndGet(), definition, arguments, memory);
		this.steps.add(step);
		return step;
	}

	void removeStep(LiveStep step) {
		this.steps.remove(step);
	}

	/**
	 * Stop accepting step writes, waiting for those in flight.
	 */
	void end() {
		this.lock.writeLock().lock();
		try {
			this.ended = true;
		}
		finally {
			this.lock.writeLock().unlock();
		}
	}

	/**
	 * Return the saga as logged, once ended.
	 * @param state its state
	 * @param cause the cause of its compensation, if any
	 * @param now the current time
	 * @param owner the instance running it
	 * @param leaseUntil when its lease expires
	 * @return the snapshot
	 */
	SagaExecution snapshot(SagaState state, @Nullable String cause, Instant now, String owner, Instant leaseUntil) {
		List<StepExecution> logged = new ArrayList<>(this.steps.size());
		for (LiveStep step : this.steps) {
			logged.add(step.snapshot());
		}
		return new SagaExecution(this.id, this.name, state, this.startedAt, now, cause, owner, leaseUntil, logged);
	}

	/**
	 * Return the compensations held in memory, by step sequence.
	 * @return the compensations, possibly empty
	 */
	Map<Integer, MemoryCompensation> memoryCompensations() {
		@Nullable Map<Integer, MemoryCompensation> compensations = null;
		for (LiveStep step : this.steps) {
			MemoryCompensation compensation = step.memoryCompensation();
			if (compensation != null) {
				if (compensations == null) {
					compensations = new HashMap<>();
				}
				compensations.put(step.sequence(), compensation);
			}
		}
		return (compensations != null) ? compensations : Map.of();
	}

}
