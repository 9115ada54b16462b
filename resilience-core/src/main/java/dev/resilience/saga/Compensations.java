package dev.resilience.saga;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.resilience.core.internal.Failures;
import dev.resilience.core.ResilienceEvent;
import dev.resilience.core.Sleeper;
import dev.resilience.core.TimeSource;
import org.jspecify.annotations.Nullable;

/**
 * Compensates sagas: those whose body failed in this process, and those claimed from the
 * log by recovery or an operator's retry. Steps are compensated latest first, each
 * retried as configured; the first one that fails on every attempt stops the
 * compensation, so that the reverse order holds when it is retried.
 * <p>
 * A store failure stops the compensation too: the saga keeps its lease until it expires
 * and recovery finishes it. Compensations held in memory are kept for failed sagas, so
 * that an operator's retry in this process can run them again.
 *
 * @author Resilience
 */
final class Compensations {

	/**
	 * Most failed sagas whose in-memory compensations are kept for a retry.
	 */
	static final int MAX_RETAINED = 1000;

	private final SagaStore store;

	private final Compensator compensator;

	private final CompensationRetryConfig retry;

	private final long waitNanos;

	private final Sleeper sleeper;

	private final TimeSource timeSource;

	private final String owner;

	private final Duration lease;

	private final Map<UUID, Map<Integer, MemoryCompensation>> retained = new ConcurrentHashMap<>();

	Compensations(SagaStore store, Compensator compensator, CompensationRetryConfig retry, Sleeper sleeper,
			TimeSource timeSource, String owner, Duration lease) {
		this.store = store;
		this.compensator = compensator;
		this.retry = retry;
		this.waitNanos = retry.waitDuration().toNanos();
		this.sleeper = sleeper;
		this.timeSource = timeSource;
		this.owner = owner;
		this.lease = lease;
	}

	/**
	 * Compensate a saga whose body failed in this process, once it has ended.
	 * @param saga the saga
	 * @param failure the body's failure
	 * @return {@code failure}, with what stopped the compensation attached as suppressed
	 */
	Throwable afterFailure(ActiveSaga saga, Throwable failure) {
		Throwable cause = Failures.unwrap(failure);
		SagaRecorder recorder = saga.type().recorder();
		recorder.record(SagaEventType.COMPENSATING, "Saga " + saga.id() + " failed; compensating its steps", cause);
		String described = ResilienceEvent.describe(cause);
		try {
			Instant now = this.timeSource.now();
			if (!this.store.updateState(saga.id(), this.owner, SagaState.COMPENSATING, described, now)) {
				throw leaseLost(saga.name(), saga.id(), recorder);
			}
			SagaExecution snapshot = saga.snapshot(SagaState.COMPENSATING, described, now, this.owner,
					now.plus(this.lease));
			Outcome outcome = compensate(snapshot, saga.memoryCompensations(), recorder);
			outcome.attachTo(failure);
		}
		catch (RuntimeException ex) {
			if (ex != failure) {
				failure.addSuppressed(ex);
			}
		}
		return failure;
	}

	/**
	 * Compensate a saga claimed from the log, leased by this instance.
	 * @param claimed the saga, {@link SagaState#RUNNING} or
	 * {@link SagaState#COMPENSATING}
	 * @param recorder the recorder of its saga type
	 * @return the state it was left in: {@link SagaState#COMPENSATED},
	 * {@link SagaState#FAILED}, or {@link SagaState#COMPENSATING} if interrupted
	 * @throws SagaException if this instance lost the lease
	 */
	SagaState compensateClaimed(SagaExecution claimed, SagaRecorder recorder) {
		SagaExecution saga = claimed;
		if (claimed.state() == SagaState.RUNNING) {
			String cause = "The instance running the saga stopped before it finished";
			Instant now = this.timeSource.now();
			if (!this.store.updateState(claimed.id(), this.owner, SagaState.COMPENSATING, cause, now)) {
				throw leaseLost(claimed.name(), claimed.id(), recorder);
			}
			saga = claimed.withState(SagaState.COMPENSATING, cause, now);
		}
		Map<Integer, MemoryCompensation> memory = this.retained.getOrDefault(saga.id(), Map.of());
		return compensate(saga, memory, recorder).state();
	}

	private Outcome compensate(SagaExecution saga, Map<Integer, MemoryCompensation> memory, SagaRecorder recorder) {
		List<StepExecution> steps = saga.steps();
		int compensated = 0;
		@Nullable Outcome outcome = null;
		for (int i = steps.size() - 1; i >= 0 && outcome == null; i--) {
			StepExecution step = steps.get(i);
			if (step.needsCompensation()) {
				outcome = compensateStep(saga, step, memory.get(step.sequence()), recorder);
				compensated++;
			}
		}
		if (outcome == null) {
			outcome = new Outcome(SagaState.COMPENSATED, null, null);
		}
		finish(saga, outcome, compensated, memory, recorder);
		return outcome;
	}

	private @Nullable Outcome compensateStep(SagaExecution saga, StepExecution step,
			@Nullable MemoryCompensation memory, SagaRecorder recorder) {
		int attempts = step.attempts();
		int maxAttempts = this.retry.maxAttempts();
		for (int attempt = 1;; attempt++) {
			attempts++;
			Throwable error = attempt(saga, step, memory);
			if (error == null) {
				this.store.stepCompensated(saga.id(), step.sequence(), attempts);
				return null;
			}
			boolean lost = memory == null && isInMemory(step);
			if (lost || attempt >= maxAttempts) {
				this.store.stepCompensationFailed(saga.id(), step.sequence(), attempts,
						ResilienceEvent.describe(error));
				return new Outcome(SagaState.FAILED, error, null);
			}
			recorder.record(SagaEventType.COMPENSATION_RETRY, "Compensation of step '" + step.name() + "' of saga "
					+ saga.id() + " failed on attempt " + attempt + " of " + maxAttempts + "; retrying", error);
			try {
				if (this.waitNanos > 0) {
					this.sleeper.sleep(this.waitNanos);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				this.store.stepCompensationFailed(saga.id(), step.sequence(), attempts,
						ResilienceEvent.describe(error));
				return new Outcome(SagaState.COMPENSATING, error, ex);
			}
		}
	}

	private @Nullable Throwable attempt(SagaExecution saga, StepExecution step, @Nullable MemoryCompensation memory) {
		try {
			if (memory != null) {
				memory.run();
			}
			else if (isInMemory(step)) {
				return new SagaException(saga.name(), saga.id(), step.name(),
						"The compensation of step '" + step.name() + "' of saga '" + saga.name() + "' (" + saga.id()
								+ ") was held in memory by the process that ran the saga, and is lost; "
								+ "compensate the step by hand",
						null);
			}
			else {
				this.compensator.compensate(saga, step);
			}
			return null;
		}
		catch (VirtualMachineError ex) {
			throw ex;
		}
		catch (Throwable ex) {
			return Failures.unwrap(ex);
		}
	}

	private static boolean isInMemory(StepExecution step) {
		CompensationRef compensation = step.compensation();
		return compensation != null && compensation.isInMemory();
	}

	private void finish(SagaExecution saga, Outcome outcome, int steps, Map<Integer, MemoryCompensation> memory,
			SagaRecorder recorder) {
		Instant now = this.timeSource.now();
		switch (outcome.state()) {
			case COMPENSATED -> {
				if (!this.store.updateState(saga.id(), this.owner, SagaState.COMPENSATED, null, now)) {
					throw leaseLost(saga.name(), saga.id(), recorder);
				}
				this.retained.remove(saga.id());
				recorder.onCompensated("Saga " + saga.id() + " compensated (" + steps + " steps)");
			}
			case FAILED -> {
				if (!this.store.updateState(saga.id(), this.owner, SagaState.FAILED, null, now)) {
					throw leaseLost(saga.name(), saga.id(), recorder);
				}
				if (!memory.isEmpty() && this.retained.size() < MAX_RETAINED) {
					this.retained.put(saga.id(), memory);
				}
				recorder.onFailed("A compensation of saga " + saga.id() + " failed on every attempt; "
						+ "the saga waits for an operator to retry", outcome.error());
			}
			default -> {
				this.store.releaseLease(saga.id(), this.owner);
				recorder.record(SagaEventType.INTERRUPTED,
						"Compensation of saga " + saga.id() + " was interrupted; left for recovery", outcome.error());
			}
		}
	}

	private SagaException leaseLost(String name, UUID id, SagaRecorder recorder) {
		String message = "Saga '" + name + "' (" + id + ") is no longer leased by " + this.owner
				+ "; the instance that took it over compensates it";
		recorder.record(SagaEventType.LEASE_LOST, message, null);
		return new SagaException(name, id, null, message, null);
	}

	/**
	 * How a compensation ended.
	 *
	 * @param state the state it leaves the saga in
	 * @param error the last error of the compensation that stopped it, if any
	 * @param interruption the interruption that stopped it, if any
	 */
	private record Outcome(SagaState state, @Nullable Throwable error, @Nullable InterruptedException interruption) {

		void attachTo(Throwable failure) {
			if (this.error != null && this.error != failure) {
				failure.addSuppressed(this.error);
			}
			if (this.interruption != null) {
				failure.addSuppressed(this.interruption);
			}
		}

	}

}
