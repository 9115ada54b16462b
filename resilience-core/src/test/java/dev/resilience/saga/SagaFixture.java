package dev.resilience.saga;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.resilience.testsupport.ManualTimeSource;
import dev.resilience.testsupport.RecordingSleeper;
import org.jspecify.annotations.Nullable;

/**
 * What most saga tests share: a fake clock, a store, a recording compensator, and
 * coordinators over them, with steps run as an aspect would run them.
 */
class SagaFixture {

	static final Duration LEASE = Duration.ofMinutes(1);

	final ManualTimeSource time = new ManualTimeSource();

	final RecordingSleeper sleeper = new RecordingSleeper(this.time);

	final RecordingCompensator compensator = new RecordingCompensator();

	final SagaStore store;

	final SagaCoordinator coordinator;

	SagaFixture() {
		this(new InMemorySagaStore());
	}

	SagaFixture(SagaStore store) {
		this.store = store;
		this.coordinator = coordinator("instance-a");
	}

	SagaCoordinator coordinator(String instanceId) {
		return coordinator(instanceId, this.store);
	}

	/**
	 * Return a coordinator on this fixture's clock, sleeper and compensator, logging to
	 * the given store.
	 */
	SagaCoordinator coordinator(String instanceId, SagaStore store) {
		return SagaCoordinator.builder(store)
			.codec(new TestCodec())
			.compensator(this.compensator)
			.timeSource(this.time)
			.sleeper(this.sleeper)
			.compensationRetry(new CompensationRetryConfig(3, Duration.ofSeconds(1)))
			.lease(LEASE)
			.instanceId(instanceId)
			.build();
	}

	/**
	 * Return a step compensated by a bean method taking its argument.
	 */
	static StepDefinition compensated(String name) {
		return new StepDefinition(name, new CompensationRef("bean", "undo" + name, List.of("java.lang.String")));
	}

	/**
	 * Return a step that needs no compensation.
	 */
	static StepDefinition read(String name) {
		return new StepDefinition(name, null);
	}

	<R> R step(String name, @Nullable Object argument, Action<R> action) throws Throwable {
		return step(compensated(name), argument, action);
	}

	<R> R step(StepDefinition step, @Nullable Object argument, Action<R> action) throws Throwable {
		return this.coordinator.step(step, new Object[] { argument }, action, Action::call);
	}

	<R> R saga(String name, Action<R> body) throws Throwable {
		return this.coordinator.run(name, body, Action::call);
	}

	SagaExecution find(UUID id) {
		return this.store.find(id).orElseThrow();
	}

	static UUID currentId() {
		SagaContext context = SagaContext.current();
		if (context == null) {
			throw new IllegalStateException("no saga is current");
		}
		return context.id();
	}

	/**
	 * A step's action or a saga's body.
	 */
	@FunctionalInterface
	interface Action<R> {

		R call() throws Throwable;

	}

}
