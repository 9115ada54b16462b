package dev.resilience.saga;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import dev.resilience.core.ResilienceEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for recovering sagas whose instance stopped, from their log.
 */
class SagaRecoveryTests {

	private static final CompensationRef REF = new CompensationRef("bean", "undo", List.of("java.lang.String"));

	private final SagaFixture fixture = new SagaFixture();

	private final AtomicReference<UUID> id = new AtomicReference<>();

	private final List<String> ran = new CopyOnWriteArrayList<>();

	/**
	 * Writes of a three-step saga whose body fails after its steps: 1 create, 2-7 each
	 * step started and completed, 8 compensating, 9-11 each step compensated (third
	 * first), 12 compensated. When the body succeeds, write 8 marks it completed.
	 */
	@ParameterizedTest(name = "crash at write {0}, body fails: {1}")
	@CsvSource(delimiter = ';',
			value = { "2; false; ; ", "3; false; step1; ", "4; false; step1; ", "5; false; step2 step1; ",
					"6; false; step2 step1; ", "7; false; step3 step2 step1; ", "8; false; step3 step2 step1; ",
					"8; true; step3 step2 step1; ", "9; true; step3 step2 step1; step3",
					"10; true; step2 step1; step3 step2", "11; true; step1; step3 step2 step1",
					"12; true; ; step3 step2 step1" })
	void anotherInstanceFinishesTheCompensationAfterACrash(int crashAt, boolean bodyFails, String recovered,
			String compensatedBeforeCrash) throws Throwable {
		SagaFixture crashing = new SagaFixture(new CrashingStore(this.fixture.store, crashAt));
		Throwable death = catchThrowable(() -> crashing.saga("place-order", () -> {
			this.id.set(SagaFixture.currentId());
			for (int i = 1; i <= 3; i++) {
				String name = "step" + i;
				crashing.step(name, "arg" + i, () -> this.ran.add(name));
			}
			if (bodyFails) {
				throw new IllegalStateException("shipping failed");
			}
			return null;
		}));
		assertThat(death).isInstanceOf(CrashingStore.ProcessDeath.class);
		assertThat(crashing.compensator.calls()).containsExactlyElementsOf(names(compensatedBeforeCrash));
		SagaCoordinator survivor = this.fixture.coordinator("instance-b");
		assertThat(survivor.recoverStale(10)).isZero();
		this.fixture.time.advance(SagaFixture.LEASE);
		assertThat(survivor.recoverStale(10)).isOne();
		assertThat(this.fixture.compensator.calls()).containsExactlyElementsOf(names(recovered));
		assertThat(this.ran).containsAll(this.fixture.compensator.calls());
		List<String> everCompensated = new ArrayList<>(crashing.compensator.calls());
		everCompensated.addAll(this.fixture.compensator.calls());
		assertThat(everCompensated).containsAll(this.ran);
		SagaExecution saga = this.fixture.find(this.id.get());
		assertThat(saga.state()).isEqualTo(SagaState.COMPENSATED);
		assertThat(saga.leaseOwner()).isNull();
		assertThat(saga.cause()).isNotNull();
		assertThat(survivor.types().get("place-order").metrics().compensated()).isOne();
		assertThat(survivor.recoverStale(10)).isZero();
	}

	@Test
	void nothingIsRecoveredWhenTheProcessDiedBeforeLoggingTheSaga() throws Throwable {
		SagaFixture crashing = new SagaFixture(new CrashingStore(this.fixture.store, 1));
		Throwable death = catchThrowable(() -> crashing.saga("place-order", () -> crashing.step("step1", "arg", () -> {
			this.ran.add("step1");
			return null;
		})));
		assertThat(death).isInstanceOf(CrashingStore.ProcessDeath.class);
		assertThat(this.ran).isEmpty();
		this.fixture.time.advance(SagaFixture.LEASE);
		assertThat(this.fixture.coordinator("instance-b").recoverStale(10)).isZero();
	}

	@Test
	void recoveryOfARunningSagaRecordsWhyItWasCompensated() throws Throwable {
		crashAfterFirstStep();
		this.fixture.time.advance(SagaFixture.LEASE);
		SagaCoordinator survivor = this.fixture.coordinator("instance-b");
		survivor.recoverStale(10);
		assertThat(this.fixture.find(this.id.get()).cause())
			.isEqualTo("The instance running the saga stopped before it finished");
		assertThat(survivor.types().get("place-order").events().recent()).extracting(ResilienceEvent::type)
			.containsExactly("RECOVERING", "COMPENSATED");
	}

	@Test
	void aRecoveryWhoseCompensationsFailLeavesTheSagaFailed() throws Throwable {
		crashAfterFirstStep();
		this.fixture.compensator.failTimes("step1", 3);
		this.fixture.time.advance(SagaFixture.LEASE);
		SagaCoordinator survivor = this.fixture.coordinator("instance-b");
		assertThat(survivor.recover(survivor.store()
			.claimStale("instance-b", this.fixture.time.now(), this.fixture.time.now().plusSeconds(60), 1)
			.get(0))).isEqualTo(SagaState.FAILED);
		assertThat(this.fixture.store.recentFailed("place-order", 5)).extracting(SagaExecution::id)
			.containsExactly(this.id.get());
		assertThat(survivor.types().get("place-order").metrics().failed()).isOne();
	}

	@Test
	void anInMemoryCompensationLostInACrashLeavesTheSagaFailedForAnOperator() throws Throwable {
		SagaFixture crashing = new SagaFixture(new CrashingStore(this.fixture.store, 4));
		SagaTemplate template = new SagaTemplate(crashing.coordinator);
		Throwable death = catchThrowable(() -> template.execute("place-order", (saga) -> {
			this.id.set(saga.id());
			saga.step("reserve", () -> "hold", (hold) -> this.ran.add("release " + hold));
			return saga.step("charge", () -> "charge");
		}));
		assertThat(death).isInstanceOf(CrashingStore.ProcessDeath.class);
		this.fixture.time.advance(SagaFixture.LEASE);
		assertThat(this.fixture.coordinator("instance-b").recoverStale(10)).isOne();
		SagaExecution saga = this.fixture.find(this.id.get());
		assertThat(saga.state()).isEqualTo(SagaState.FAILED);
		assertThat(saga.failedStep()).isNotNull();
		assertThat(saga.failedStep().name()).isEqualTo("reserve");
		assertThat(saga.failedStep().attempts()).isOne();
		assertThat(saga.failedStep().error()).contains("was held in memory by the process that ran the saga");
		assertThat(this.ran).isEmpty();
		assertThat(this.fixture.compensator.calls()).isEmpty();
	}

	@Test
	void renewingTheLeaseKeepsALongSagaFromBeingRecovered() throws Throwable {
		SagaCoordinator other = this.fixture.coordinator("instance-b");
		String result = this.fixture.saga("place-order", () -> {
			this.fixture.step("reserve", "sku", () -> "hold");
			this.fixture.time.advance(Duration.ofSeconds(40));
			assertThat(this.fixture.coordinator.renewLeases()).isOne();
			this.fixture.time.advance(Duration.ofSeconds(40));
			assertThat(other.recoverStale(10)).isZero();
			return "done";
		});
		assertThat(result).isEqualTo("done");
		assertThat(this.fixture.compensator.calls()).isEmpty();
		assertThat(this.fixture.coordinator.renewLeases()).isZero();
	}

	@Test
	void aSagaWhoseLeaseWasTakenOverFailsInsteadOfCompleting() throws Throwable {
		SagaCoordinator other = this.fixture.coordinator("instance-b");
		Throwable thrown = catchThrowable(() -> this.fixture.saga("place-order", () -> {
			this.id.set(SagaFixture.currentId());
			this.fixture.step("reserve", "sku", () -> "hold");
			this.fixture.time.advance(SagaFixture.LEASE);
			assertThat(other.recoverStale(10)).isOne();
			return "done";
		}));
		assertThat(thrown).isInstanceOf(SagaException.class).hasMessageContaining("its lease was taken over");
		assertThat(((SagaException) thrown).getSagaId()).isEqualTo(this.id.get());
		assertThat(this.fixture.compensator.calls()).containsExactly("reserve");
		assertThat(this.fixture.find(this.id.get()).state()).isEqualTo(SagaState.COMPENSATED);
	}

	@Test
	void refusesToRecoverASagaLeasedByAnotherInstance() throws Throwable {
		crashAfterFirstStep();
		SagaExecution saga = this.fixture.find(this.id.get());
		assertThatIllegalArgumentException().isThrownBy(() -> this.fixture.coordinator("instance-b").recover(saga))
			.withMessageContaining("only an active saga leased by instance-b can be recovered here");
	}

	@Test
	void twoInstancesRecoveringTheSameSagasConcurrentlyCompensateEachStepOnce() throws Exception {
		int sagas = 60;
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < sagas; i++) {
			UUID sagaId = UUID.randomUUID();
			Instant startedAt = this.fixture.time.now();
			this.fixture.store.createSaga(SagaExecution.start(sagaId, "place-order", startedAt, "crashed",
					startedAt.plus(SagaFixture.LEASE)));
			this.fixture.store.stepStarted(sagaId, StepExecution.started(1, "reserve", "[1]", REF));
			this.fixture.store.stepCompleted(sagaId, 1, "hold");
			this.fixture.store.stepStarted(sagaId, StepExecution.started(2, "charge", "[2]", REF));
			ids.add(sagaId);
		}
		this.fixture.time.advance(SagaFixture.LEASE);
		Map<String, AtomicInteger> invocations = new ConcurrentHashMap<>();
		Compensator counting = (saga, step) -> invocations
			.computeIfAbsent(saga.id() + "/" + step.sequence(), (key) -> new AtomicInteger())
			.incrementAndGet();
		List<SagaCoordinator> instances = List.of(recovering("instance-a", counting),
				recovering("instance-b", counting));
		ExecutorService executor = Executors.newFixedThreadPool(8);
		try {
			List<Future<Integer>> recoveries = new ArrayList<>();
			for (int t = 0; t < 8; t++) {
				SagaCoordinator instance = instances.get(t % 2);
				recoveries.add(executor.submit(() -> {
					int recovered = 0;
					for (int claimed = instance.recoverStale(2); claimed > 0; claimed = instance.recoverStale(2)) {
						recovered += claimed;
					}
					return recovered;
				}));
			}
			int recovered = 0;
			for (Future<Integer> recovery : recoveries) {
				recovered += recovery.get(60, TimeUnit.SECONDS);
			}
			assertThat(recovered).isEqualTo(sagas);
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(invocations).hasSize(2 * sagas);
		assertThat(invocations.values()).allSatisfy((count) -> assertThat(count).hasValue(1));
		assertThat(ids)
			.allSatisfy((sagaId) -> assertThat(this.fixture.find(sagaId).state()).isEqualTo(SagaState.COMPENSATED));
	}

	@Test
	void aRecoveryThatFailsOnTheStoreDoesNotStopTheOthers() throws Throwable {
		crashAfterFirstStep();
		UUID first = this.id.get();
		crashAfterFirstStep();
		UUID second = this.id.get();
		this.fixture.time.advance(SagaFixture.LEASE);
		IllegalStateException storeDown = new IllegalStateException("store down");
		DelegatingStore failingOnce = new DelegatingStore(this.fixture.store) {

			private boolean failed;

			@Override
			void beforeWrite(String operation) {
				if (operation.equals("updateState COMPENSATING") && !this.failed) {
					this.failed = true;
					throw storeDown;
				}
			}

		};
		SagaCoordinator survivor = this.fixture.coordinator("instance-b", failingOnce);
		assertThat(catchThrowable(() -> survivor.recoverStale(10))).isSameAs(storeDown);
		List<SagaExecution> sagas = List.of(this.fixture.find(first), this.fixture.find(second));
		assertThat(sagas).extracting(SagaExecution::state, SagaExecution::leaseOwner)
			.containsExactlyInAnyOrder(tuple(SagaState.RUNNING, "instance-b"), tuple(SagaState.COMPENSATED, null));
		this.fixture.time.advance(SagaFixture.LEASE);
		assertThat(survivor.recoverStale(10)).isOne();
		assertThat(this.fixture.find(first).state()).isEqualTo(SagaState.COMPENSATED);
		assertThat(this.fixture.find(second).state()).isEqualTo(SagaState.COMPENSATED);
	}

	private SagaCoordinator recovering(String instanceId, Compensator compensator) {
		return SagaCoordinator.builder(this.fixture.store)
			.compensator(compensator)
			.timeSource(this.fixture.time)
			.sleeper(this.fixture.sleeper)
			.instanceId(instanceId)
			.build();
	}

	private void crashAfterFirstStep() {
		SagaFixture crashing = new SagaFixture(new CrashingStore(this.fixture.store, 4));
		catchThrowable(() -> crashing.saga("place-order", () -> {
			this.id.set(SagaFixture.currentId());
			crashing.step("step1", "arg1", () -> "one");
			return crashing.step("step2", "arg2", () -> "two");
		}));
	}

	private static List<String> names(String names) {
		return (names != null) ? Arrays.asList(names.trim().split(" ")) : List.of();
	}

}
