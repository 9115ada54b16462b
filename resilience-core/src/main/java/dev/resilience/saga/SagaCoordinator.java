package dev.resilience.saga;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import dev.resilience.core.Bound;
import dev.resilience.core.CheckedFunction;
import dev.resilience.core.ErrorClassifier;
import dev.resilience.core.Registry;
import dev.resilience.core.Sleeper;
import dev.resilience.core.TimeSource;
import org.jspecify.annotations.Nullable;

/**
 * Runs sagas: logs their steps in a {@link SagaStore}, compensates them when they fail,
 * and finishes the compensation of sagas whose instance stopped.
 * <p>
 * {@link #run} runs a saga's body on the calling thread, where the saga is current (see
 * {@link SagaContext}); {@link #step} is called around each step, and logs it if a saga
 * is current, or just runs it if none is. A step called from inside another step is a
 * step of its own. A saga run inside another saga is a saga of its own, compensated on
 * its own; compensations run with no saga current.
 * <p>
 * When the body throws, the steps that may have taken effect are compensated latest first
 * (see {@link StepExecution#needsCompensation()}), each retried per
 * {@link CompensationRetryConfig}; the first that fails on every attempt stops the
 * compensation and leaves the saga {@link SagaState#FAILED}, to be resumed by
 * {@link #retryCompensation}. The body's failure is then rethrown, with what stopped the
 * compensation attached as suppressed.
 * <p>
 * <b>Leases.</b> Each saga this instance runs or compensates is leased to it, under its
 * {@linkplain #instanceId() instance id}, for {@link #lease()}: call
 * {@link #renewLeases()} at least every third of the lease for as long as the instance
 * runs, or a long saga is taken over by another instance's recovery. Recovery
 * ({@link #recoverStale}) claims sagas whose lease expired and compensates them from
 * their log, through the {@link Compensator}.
 *
 * @author Resilience
 * @since 0.1.0
 */
public final class SagaCoordinator {

	/**
	 * Default time an instance holds a saga without renewing its lease.
	 */
	public static final Duration DEFAULT_LEASE = Duration.ofMinutes(1);

	/**
	 * Values allowed for {@link #lease()}: leases are renewed every third of it, which
	 * must be at least a millisecond.
	 */
	public static final Bound<Duration> ALLOWED_LEASE = Bound.atLeast(Duration.ofMillis(3));

	private final SagaStore store;

	private final String instanceId;

	private final Duration lease;

	private final CompensationRetryConfig compensationRetry;

	private final TimeSource timeSource;

	private final SagaTypes types;

	private final StepLog steps;

	private final Compensations compensations;

	private final Set<UUID> leased = ConcurrentHashMap.newKeySet();

	SagaCoordinator(SagaStore store, StepCodec codec, Compensator compensator, ErrorClassifier classifier,
			TimeSource timeSource, Sleeper sleeper, CompensationRetryConfig compensationRetry, Duration lease,
			String instanceId) {
		this.store = store;
		this.instanceId = instanceId;
		this.lease = lease;
		this.compensationRetry = compensationRetry;
		this.timeSource = timeSource;
		this.types = new SagaTypes(timeSource);
		this.steps = new StepLog(store, codec, classifier);
		this.compensations = new Compensations(store, compensator, compensationRetry, sleeper, timeSource, instanceId,
				lease);
	}

	/**
	 * Return a builder of a coordinator logging to the given store.
	 * @param store the saga log
	 * @return a new builder
	 */
	public static SagaCoordinatorBuilder builder(SagaStore store) {
		return new SagaCoordinatorBuilder(store);
	}

	/**
	 * Return the saga log.
	 * @return the store
	 */
	public SagaStore store() {
		return this.store;
	}

	/**
	 * Return the id under which this instance leases sagas.
	 * @return the instance id
	 */
	public String instanceId() {
		return this.instanceId;
	}

	/**
	 * Return how long this instance holds a saga without renewing its lease.
	 * @return the lease duration
	 */
	public Duration lease() {
		return this.lease;
	}

	/**
	 * Return how failing compensations are retried.
	 * @return the retry configuration
	 */
	public CompensationRetryConfig compensationRetry() {
		return this.compensationRetry;
	}

	/**
	 * Return the saga types this instance has run, created on first use.
	 * @return the saga types, with their metrics and events
	 */
	public Registry<SagaType> types() {
		return this.types;
	}

	/**
	 * Run a saga's body on the calling thread, logging the steps it calls and
	 * compensating them if it throws.
	 * @param <C> the context type
	 * @param <R> the result type
	 * @param sagaName the saga name
	 * @param context the context handed to the body
	 * @param body the body
	 * @return the body's result
	 * @throws Throwable the body's failure, once compensated, with what stopped the
	 * compensation suppressed; the store's failure if the saga could not be logged; a
	 * {@link SagaException} if this instance lost the saga's lease
	 */
	public <C, R> @Nullable R run(String sagaName, C context, CheckedFunction<C, R> body) throws Throwable {
		SagaType type = this.types.get(sagaName);
		Instant now = this.timeSource.now();
		UUID id = UUID.randomUUID();
		this.store.createSaga(SagaExecution.start(id, sagaName, now, this.instanceId, now.plus(this.lease)));
		ActiveSaga saga = new ActiveSaga(id, sagaName, now, type, this.steps);
		this.leased.add(id);
		type.recorder().onStarted();
		try (SagaContext.Scope scope = SagaContext.bind(saga)) {
			R result;
			try {
				result = body.apply(context);
			}
			catch (Throwable failure) {
				throw compensate(saga, failure);
			}
			saga.end();
			complete(saga);
			return result;
		}
		finally {
			this.leased.remove(id);
			type.recorder().onEnded();
		}
	}

	private void complete(ActiveSaga saga) throws Throwable {
		boolean held;
		try {
			held = this.store.updateState(saga.id(), this.instanceId, SagaState.COMPLETED, null, this.timeSource.now());
		}
		catch (RuntimeException ex) {
			// a saga left RUNNING would be compensated by recovery: compensate it now
			throw compensate(saga, ex);
		}
		if (!held) {
			throw new SagaException(saga.name(), saga.id(), null,
					"Saga '" + saga.name() + "' (" + saga.id()
							+ ") completed, but its lease was taken over by another instance, which compensates it",
					null);
		}
		saga.type().recorder().onCompleted();
	}

	private Throwable compensate(ActiveSaga saga, Throwable failure) {
		saga.end();
		try (SagaContext.Scope none = SagaContext.suspend()) {
			return this.compensations.afterFailure(saga, failure);
		}
	}

	/**
	 * Run a step, logging it in the current saga: started with its arguments before the
	 * call, then completed with its result, or failed. Without a current saga, just runs
	 * it.
	 * @param <C> the context type
	 * @param <R> the result type
	 * @param step the step's definition
	 * @param arguments the step's arguments, encoded if its compensation is durable
	 * @param context the context handed to the call
	 * @param call the step's call
	 * @return the call's result
	 * @throws Throwable the call's failure; a {@link SagaException} if its arguments or
	 * result cannot be encoded; an {@link IllegalStateException} if the current saga has
	 * ended; the store's failure if the step could not be logged
	 */
	public <C, R> @Nullable R step(StepDefinition step, @Nullable Object[] arguments, C context,
			CheckedFunction<C, R> call) throws Throwable {
		ActiveSaga saga = SagaContext.active();
		if (saga == null) {
			return call.apply(context);
		}
		return saga.log().run(saga, step, arguments, null, context, call);
	}

	/**
	 * Run a step that returns a stage, logging it in the current saga when the stage
	 * completes. Without a current saga, just runs it. Never throws: failures, including
	 * those of logging, complete the returned future.
	 * @param <C> the context type
	 * @param <R> the result type
	 * @param step the step's definition
	 * @param arguments the step's arguments
	 * @param context the context handed to the call
	 * @param call the step's call
	 * @return a future completed as the call's stage is, once logged
	 */
	public <C, R> CompletableFuture<R> stepAsync(StepDefinition step, @Nullable Object[] arguments, C context,
			CheckedFunction<C, ? extends CompletionStage<R>> call) {
		ActiveSaga saga = SagaContext.active();
		if (saga != null) {
			return saga.log().runAsync(saga, step, arguments, context, call);
		}
		try {
			return Objects.requireNonNull(call.apply(context), "step returned null instead of a CompletionStage")
				.toCompletableFuture();
		}
		catch (Throwable failure) {
			return CompletableFuture.failedFuture(failure);
		}
	}

	/**
	 * Compensate a saga claimed from the log by this instance, such as by
	 * {@link SagaStore#claimStale}: a {@link SagaState#RUNNING} one is first moved to
	 * {@link SagaState#COMPENSATING}.
	 * @param claimed the saga, leased by this instance
	 * @return the state it was left in: {@link SagaState#COMPENSATED},
	 * {@link SagaState#FAILED}, or {@link SagaState#COMPENSATING} if interrupted
	 * @throws IllegalArgumentException if the saga is not active or not leased by this
	 * instance
	 * @throws SagaException if this instance lost the lease meanwhile
	 */
	public SagaState recover(SagaExecution claimed) {
		if (!claimed.state().isActive() || !this.instanceId.equals(claimed.leaseOwner())) {
			throw new IllegalArgumentException(
					"Saga " + claimed.id() + " is " + claimed.state() + " and leased by " + claimed.leaseOwner()
							+ "; only an active saga leased by " + this.instanceId + " can be recovered here");
		}
		SagaType type = this.types.get(claimed.name());
		type.recorder()
			.record(SagaEventType.RECOVERING,
					"Recovering saga " + claimed.id() + ", left " + claimed.state() + " by an instance that stopped",
					null);
		return compensateClaimed(claimed, type);
	}

	/**
	 * Claim sagas whose lease expired and compensate them, one after the other. Meant to
	 * be called when the application starts and then periodically. A saga whose recovery
	 * fails on a store error or a lost lease does not stop the others; it keeps its lease
	 * until it expires, and is claimed again then.
	 * @param limit the most sagas to claim
	 * @return how many sagas were claimed
	 * @throws RuntimeException the first failure of a recovery, once every claimed saga
	 * was tried, with the others suppressed
	 */
	public int recoverStale(int limit) {
		Instant now = this.timeSource.now();
		List<SagaExecution> claimed = this.store.claimStale(this.instanceId, now, now.plus(this.lease), limit);
		@Nullable RuntimeException failure = null;
		for (SagaExecution saga : claimed) {
			try {
				recover(saga);
			}
			catch (RuntimeException ex) {
				if (failure == null) {
					failure = ex;
				}
				else {
					failure.addSuppressed(ex);
				}
			}
		}
		if (failure != null) {
			throw failure;
		}
		return claimed.size();
	}

	/**
	 * Retry the compensations left undone in a {@link SagaState#FAILED} saga, from the
	 * step that stopped it, as an operator asks. Once compensated, the saga no longer
	 * shows among the recent failed ones.
	 * @param id the execution's id
	 * @return the state it was left in: {@link SagaState#COMPENSATED},
	 * {@link SagaState#FAILED} again, or {@link SagaState#COMPENSATING} if interrupted
	 * @throws NoSuchElementException if there is no such execution
	 * @throws IllegalStateException if it is not failed
	 */
	public SagaState retryCompensation(UUID id) {
		Instant now = this.timeSource.now();
		Optional<SagaExecution> claimed = this.store.claimFailed(id, this.instanceId, now, now.plus(this.lease));
		if (claimed.isEmpty()) {
			SagaExecution saga = this.store.find(id)
				.orElseThrow(() -> new NoSuchElementException("No saga execution has id " + id));
			throw new IllegalStateException("Saga '" + saga.name() + "' (" + id + ") is " + saga.state()
					+ "; only a FAILED saga can have its compensation retried");
		}
		SagaType type = this.types.get(claimed.get().name());
		type.recorder().record(SagaEventType.RETRYING_COMPENSATION, "Retrying the compensation of saga " + id, null);
		return compensateClaimed(claimed.get(), type);
	}

	private SagaState compensateClaimed(SagaExecution claimed, SagaType type) {
		this.leased.add(claimed.id());
		type.recorder().onStarted();
		try (SagaContext.Scope none = SagaContext.suspend()) {
			return this.compensations.compensateClaimed(claimed, type.recorder());
		}
		finally {
			this.leased.remove(claimed.id());
			type.recorder().onEnded();
		}
	}

	/**
	 * Delete finished executions (completed or compensated) older than the given
	 * retention from the log, at most the given number; see
	 * {@link SagaStore#deleteFinished}.
	 * @param retention how long finished executions are kept
	 * @param limit the most executions to delete
	 * @return how many were deleted
	 */
	public int deleteFinished(Duration retention, int limit) {
		return this.store.deleteFinished(this.timeSource.now().minus(retention), limit);
	}

	/**
	 * Renew the leases of every saga this instance runs or compensates.
	 * @return how many leases were renewed
	 */
	public int renewLeases() {
		if (this.leased.isEmpty()) {
			return 0;
		}
		return this.store.renewLeases(this.instanceId, List.copyOf(this.leased),
				this.timeSource.now().plus(this.lease));
	}

}
