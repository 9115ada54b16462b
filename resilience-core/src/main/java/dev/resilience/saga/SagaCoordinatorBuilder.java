package dev.resilience.saga;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

import dev.resilience.core.ErrorClassifier;
import dev.resilience.core.Sleeper;
import dev.resilience.core.TimeSource;

/**
 * Builds a {@link SagaCoordinator}. Unless set: no stored values
 * ({@link StepCodec#none()}), no durable compensations ({@link Compensator#none()}), the
 * default error classifier, the system clock and sleep, the default compensation retry, a
 * lease of {@link SagaCoordinator#DEFAULT_LEASE}, and a random instance id.
 *
 * @author Resilience
 * @since 0.1.0
 */
public final class SagaCoordinatorBuilder {

	private final SagaStore store;

	private StepCodec codec = StepCodec.none();

	private Compensator compensator = Compensator.none();

	private ErrorClassifier classifier = ErrorClassifier.defaults();

	private TimeSource timeSource = TimeSource.system();

	private Sleeper sleeper = Sleeper.system();

	private CompensationRetryConfig compensationRetry = CompensationRetryConfig.ofDefaults();

	private Duration lease = SagaCoordinator.DEFAULT_LEASE;

	private String instanceId = UUID.randomUUID().toString();

	SagaCoordinatorBuilder(SagaStore store) {
		this.store = Objects.requireNonNull(store, "store must not be null");
	}

	/**
	 * Set how step arguments and results are encoded for the log.
	 * @param codec the codec
	 * @return this builder
	 */
	public SagaCoordinatorBuilder codec(StepCodec codec) {
		this.codec = Objects.requireNonNull(codec, "codec must not be null");
		return this;
	}

	/**
	 * Set what runs compensations from the log.
	 * @param compensator the compensator
	 * @return this builder
	 */
	public SagaCoordinatorBuilder compensator(Compensator compensator) {
		this.compensator = Objects.requireNonNull(compensator, "compensator must not be null");
		return this;
	}

	/**
	 * Set what decides whether a step's failure is transient (in doubt, compensated) or
	 * permanent (not compensated).
	 * @param classifier the classifier
	 * @return this builder
	 */
	public SagaCoordinatorBuilder classifier(ErrorClassifier classifier) {
		this.classifier = Objects.requireNonNull(classifier, "classifier must not be null");
		return this;
	}

	/**
	 * Set the clock that stamps the log, leases and events.
	 * @param timeSource the clock
	 * @return this builder
	 */
	public SagaCoordinatorBuilder timeSource(TimeSource timeSource) {
		this.timeSource = Objects.requireNonNull(timeSource, "timeSource must not be null");
		return this;
	}

	/**
	 * Set how the wait between two compensation attempts is spent.
	 * @param sleeper the sleeper
	 * @return this builder
	 */
	public SagaCoordinatorBuilder sleeper(Sleeper sleeper) {
		this.sleeper = Objects.requireNonNull(sleeper, "sleeper must not be null");
		return this;
	}

	/**
	 * Set how failing compensations are retried.
	 * @param compensationRetry the retry configuration
	 * @return this builder
	 */
	public SagaCoordinatorBuilder compensationRetry(CompensationRetryConfig compensationRetry) {
		this.compensationRetry = Objects.requireNonNull(compensationRetry, "compensationRetry must not be null");
		return this;
	}

	/**
	 * Set how long this instance holds a saga without renewing its lease.
	 * @param lease the lease duration; within {@link SagaCoordinator#ALLOWED_LEASE}
	 * @return this builder
	 */
	public SagaCoordinatorBuilder lease(Duration lease) {
		Objects.requireNonNull(lease, "lease must not be null");
		this.lease = SagaCoordinator.ALLOWED_LEASE.check("lease", lease);
		return this;
	}

	/**
	 * Set the id under which this instance leases sagas; unique among the instances
	 * sharing a store.
	 * @param instanceId the instance id
	 * @return this builder
	 */
	public SagaCoordinatorBuilder instanceId(String instanceId) {
		Objects.requireNonNull(instanceId, "instanceId must not be null");
		if (instanceId.isEmpty()) {
			throw new IllegalArgumentException("instanceId must not be empty");
		}
		this.instanceId = instanceId;
		return this;
	}

	/**
	 * Build the coordinator.
	 * @return the coordinator
	 */
	public SagaCoordinator build() {
		return new SagaCoordinator(this.store, this.codec, this.compensator, this.classifier, this.timeSource,
				this.sleeper, this.compensationRetry, this.lease, this.instanceId);
	}

}
