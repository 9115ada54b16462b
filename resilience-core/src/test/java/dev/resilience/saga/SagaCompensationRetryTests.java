package dev.resilience.saga;

import java.time.Duration;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import dev.resilience.core.ResilienceEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for retrying failed compensations, automatically and at an operator's request.
 */
class SagaCompensationRetryTests {

	private static final long SECOND = Duration.ofSeconds(1).toNanos();

	private final SagaFixture fixture = new SagaFixture();

	private final AtomicReference<UUID> id = new AtomicReference<>();

	@AfterEach
	void clearInterrupt() {
		Thread.interrupted();
	}

	@Test
	void retriesAFailingCompensationAfterTheConfiguredWait() throws Throwable {
		this.fixture.compensator.failTimes("charge", 2);
		IllegalStateException failure = new IllegalStateException("shipping failed");
		Throwable thrown = catchThrowable(() -> placeOrder(failure));
		assertThat(thrown).isSameAs(failure);
		assertThat(thrown.getSuppressed()).isEmpty();
		assertThat(this.fixture.compensator.calls()).containsExactly("charge", "charge", "charge", "reserve");
		assertThat(this.fixture.sleeper.waits()).containsExactly(SECOND, SECOND);
		SagaExecution saga = this.fixture.find(this.id.get());
		assertThat(saga.state()).isEqualTo(SagaState.COMPENSATED);
		assertThat(saga.steps()).extracting(StepExecution::name, StepExecution::state, StepExecution::attempts)
			.containsExactly(tuple("reserve", StepState.COMPENSATED, 1), tuple("charge", StepState.COMPENSATED, 3));
		assertThat(this.fixture.coordinator.types().get("place-order").events().recent())
			.extracting(ResilienceEvent::type)
			.containsExactly("COMPENSATING", "COMPENSATION_RETRY", "COMPENSATION_RETRY", "COMPENSATED");
	}

	@Test
	void failsTheSagaWhenACompensationFailsOnEveryAttemptAndStopsThere() throws Throwable {
		this.fixture.compensator.failTimes("charge", 3);
		IllegalStateException failure = new IllegalStateException("shipping failed");
		Throwable thrown = catchThrowable(() -> placeOrder(failure));
		assertThat(thrown).isSameAs(failure);
		assertThat(thrown.getSuppressed()).singleElement()
			.satisfies((suppressed) -> assertThat(suppressed).hasMessage("cannot undo charge"));
		assertThat(this.fixture.compensator.calls()).containsExactly("charge", "charge", "charge");
		SagaExecution saga = this.fixture.find(this.id.get());
		assertThat(saga.state()).isEqualTo(SagaState.FAILED);
		assertThat(saga.cause()).isEqualTo("java.lang.IllegalStateException: shipping failed");
		assertThat(saga.leaseOwner()).isNull();
		assertThat(saga.steps())
			.extracting(StepExecution::name, StepExecution::state, StepExecution::attempts, StepExecution::error)
			.containsExactly(tuple("reserve", StepState.COMPLETED, 0, null), tuple("charge",
					StepState.COMPENSATION_FAILED, 3, "java.lang.IllegalStateException: cannot undo charge"));
		assertThat(saga.failedStep()).extracting(StepExecution::name).isEqualTo("charge");
		assertThat(this.fixture.store.recentFailed("place-order", 10)).extracting(SagaExecution::id)
			.containsExactly(this.id.get());
		SagaMetrics metrics = this.fixture.coordinator.types().get("place-order").metrics();
		assertThat(metrics.failed()).isOne();
		assertThat(metrics.compensated()).isZero();
		assertThat(metrics.active()).isZero();
	}

	@Test
	void retryingTheCompensationOfAFailedSagaResumesWhereItStopped() throws Throwable {
		this.fixture.compensator.failTimes("charge", 3);
		catchThrowable(() -> placeOrder(new IllegalStateException("shipping failed")));
		this.fixture.compensator.succeedFromNowOn("charge");
		SagaState state = this.fixture.coordinator.retryCompensation(this.id.get());
		assertThat(state).isEqualTo(SagaState.COMPENSATED);
		assertThat(this.fixture.compensator.calls()).containsExactly("charge", "charge", "charge", "charge", "reserve");
		SagaExecution saga = this.fixture.find(this.id.get());
		assertThat(saga.state()).isEqualTo(SagaState.COMPENSATED);
		assertThat(saga.leaseOwner()).isNull();
		assertThat(saga.steps()).extracting(StepExecution::name, StepExecution::state, StepExecution::attempts)
			.containsExactly(tuple("reserve", StepState.COMPENSATED, 1), tuple("charge", StepState.COMPENSATED, 4));
		assertThat(this.fixture.store.recentFailed("place-order", 10)).isEmpty();
		SagaMetrics metrics = this.fixture.coordinator.types().get("place-order").metrics();
		assertThat(metrics.failed()).isOne();
		assertThat(metrics.compensated()).isOne();
		assertThat(this.fixture.store.countsByState().get("place-order")).containsEntry(SagaState.COMPENSATED, 1L)
			.containsEntry(SagaState.FAILED, 0L);
	}

	@Test
	void aRetryThatFailsAgainLeavesTheSagaFailed() throws Throwable {
		this.fixture.compensator.failTimes("charge", 6);
		catchThrowable(() -> placeOrder(new IllegalStateException("shipping failed")));
		SagaState state = this.fixture.coordinator.retryCompensation(this.id.get());
		assertThat(state).isEqualTo(SagaState.FAILED);
		SagaExecution saga = this.fixture.find(this.id.get());
		assertThat(saga.state()).isEqualTo(SagaState.FAILED);
		assertThat(saga.failedStep()).extracting(StepExecution::attempts).isEqualTo(6);
		assertThat(this.fixture.store.recentFailed("place-order", 10)).hasSize(1);
		assertThat(this.fixture.coordinator.types().get("place-order").metrics().failed()).isEqualTo(2);
	}

	@Test
	void refusesToRetryAnUnknownSaga() {
		assertThatExceptionOfType(NoSuchElementException.class)
			.isThrownBy(() -> this.fixture.coordinator.retryCompensation(UUID.randomUUID()))
			.withMessageStartingWith("No saga execution has id ");
	}

	@Test
	void refusesToRetryASagaThatDidNotFail() throws Throwable {
		this.fixture.saga("place-order", () -> {
			this.id.set(SagaFixture.currentId());
			return "ok";
		});
		assertThatIllegalStateException().isThrownBy(() -> this.fixture.coordinator.retryCompensation(this.id.get()))
			.withMessageContaining("is COMPLETED; only a FAILED saga can have its compensation retried");
	}

	@Test
	void anInterruptedCompensationLeavesTheSagaToRecovery() throws Throwable {
		this.fixture.compensator.failTimes("charge", 1);
		this.fixture.sleeper.interruptSleeps(true);
		IllegalStateException failure = new IllegalStateException("shipping failed");
		Throwable thrown = catchThrowable(() -> placeOrder(failure));
		assertThat(thrown).isSameAs(failure);
		assertThat(thrown.getSuppressed()).hasSize(2);
		assertThat(thrown.getSuppressed()[1]).isInstanceOf(InterruptedException.class);
		assertThat(Thread.interrupted()).isTrue();
		SagaExecution saga = this.fixture.find(this.id.get());
		assertThat(saga.state()).isEqualTo(SagaState.COMPENSATING);
		assertThat(saga.leaseOwner()).isNull();
		this.fixture.sleeper.interruptSleeps(false);
		assertThat(this.fixture.coordinator("instance-b").recoverStale(10)).isOne();
		assertThat(this.fixture.compensator.calls()).containsExactly("charge", "charge", "reserve");
		assertThat(this.fixture.find(this.id.get()).state()).isEqualTo(SagaState.COMPENSATED);
	}

	@Test
	void retryingATemplateSagaRunsItsInMemoryCompensationsAgain() {
		SagaTemplate template = new SagaTemplate(this.fixture.coordinator);
		int[] refunds = new int[1];
		catchThrowable(() -> template.execute("place-order", (saga) -> {
			this.id.set(saga.id());
			saga.step("charge", () -> "charge-1", (charge) -> {
				refunds[0]++;
				if (refunds[0] < 4) {
					throw new IllegalStateException("refund failed");
				}
			});
			throw new IllegalStateException("shipping failed");
		}));
		assertThat(this.fixture.find(this.id.get()).state()).isEqualTo(SagaState.FAILED);
		assertThat(this.fixture.coordinator.retryCompensation(this.id.get())).isEqualTo(SagaState.COMPENSATED);
		assertThat(refunds[0]).isEqualTo(4);
	}

	@Test
	void twoOperatorsRetryingTheSameSagaCompensateItOnce() throws Throwable {
		this.fixture.compensator.failTimes("charge", 3);
		catchThrowable(() -> placeOrder(new IllegalStateException("shipping failed")));
		this.fixture.compensator.succeedFromNowOn("charge");
		SagaCoordinator other = this.fixture.coordinator("instance-b");
		DelegatingStore racing = new DelegatingStore(this.fixture.store) {

			private boolean raced;

			@Override
			void beforeWrite(String operation) {
				if (operation.equals("claimFailed") && !this.raced) {
					this.raced = true;
					assertThat(other.retryCompensation(SagaCompensationRetryTests.this.id.get()))
						.isEqualTo(SagaState.COMPENSATED);
				}
			}

		};
		SagaCoordinator first = this.fixture.coordinator("instance-a", racing);
		assertThatIllegalStateException().isThrownBy(() -> first.retryCompensation(this.id.get()))
			.withMessageContaining("is COMPENSATED");
		assertThat(this.fixture.compensator.calls()).containsExactly("charge", "charge", "charge", "charge", "reserve");
	}

	private void placeOrder(RuntimeException failure) throws Throwable {
		this.fixture.saga("place-order", () -> {
			this.id.set(SagaFixture.currentId());
			this.fixture.step("reserve", "sku", () -> "hold");
			this.fixture.step("charge", "card", () -> "charge");
			throw failure;
		});
	}

}
