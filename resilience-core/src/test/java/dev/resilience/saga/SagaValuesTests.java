package dev.resilience.saga;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for the configuration and the immutable views of sagas.
 */
class SagaValuesTests {

	private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

	private static final CompensationRef REF = new CompensationRef("bean", "undo", List.of("java.lang.String"));

	@Test
	void compensationRetryDefaultsToFiveAttemptsOneSecondApart() {
		CompensationRetryConfig config = CompensationRetryConfig.ofDefaults();
		assertThat(config.maxAttempts()).isEqualTo(5);
		assertThat(config.waitDuration()).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void compensationRetryNamesABadValue() {
		assertThatIllegalArgumentException().isThrownBy(() -> new CompensationRetryConfig(0, Duration.ZERO))
			.withMessage("maxAttempts must be at least 1, but was 0");
		assertThatIllegalArgumentException().isThrownBy(() -> new CompensationRetryConfig(1, Duration.ofSeconds(-1)))
			.withMessage("waitDuration must not be negative, but was PT-1S");
	}

	@Test
	void coordinatorBuilderNamesABadValue() {
		SagaCoordinatorBuilder builder = SagaCoordinator.builder(new InMemorySagaStore());
		assertThatIllegalArgumentException().isThrownBy(() -> builder.lease(Duration.ZERO))
			.withMessage("lease must be at least 3ms, but was PT0S");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.instanceId(""))
			.withMessage("instanceId must not be empty");
		assertThat(builder.build().lease()).isEqualTo(SagaCoordinator.DEFAULT_LEASE);
	}

	@Test
	void describesACompensationReference() {
		assertThat(REF).hasToString("bean.undo(java.lang.String)");
		assertThat(REF.isInMemory()).isFalse();
		assertThat(CompensationRef.inMemory().isInMemory()).isTrue();
		assertThatIllegalArgumentException().isThrownBy(() -> new CompensationRef("bean", "", List.of()))
			.withMessage("target and method must both be set or both be empty, but were 'bean' and ''");
	}

	@Test
	void aStepNeedsCompensationWhenItMayHaveTakenEffectAndHasACompensation() {
		assertThat(step(StepState.STARTED, REF).needsCompensation()).isTrue();
		assertThat(step(StepState.COMPLETED, REF).needsCompensation()).isTrue();
		assertThat(step(StepState.COMPENSATION_FAILED, REF).needsCompensation()).isTrue();
		assertThat(step(StepState.FAILED, REF).needsCompensation()).isFalse();
		assertThat(step(StepState.COMPENSATED, REF).needsCompensation()).isFalse();
		assertThat(step(StepState.COMPLETED, null).needsCompensation()).isFalse();
	}

	@Test
	void anExecutionOrdersItsStepsAndFindsTheOneWhoseCompensationFailed() {
		List<StepExecution> steps = new ArrayList<>(List.of(step(3, StepState.COMPENSATED),
				step(1, StepState.COMPENSATION_FAILED), step(2, StepState.COMPENSATION_FAILED)));
		SagaExecution saga = new SagaExecution(UUID.randomUUID(), "place-order", SagaState.FAILED, T0, T0, null, null,
				null, steps);
		assertThat(saga.steps()).extracting(StepExecution::sequence).containsExactly(1, 2, 3);
		assertThat(saga.failedStep()).extracting(StepExecution::sequence).isEqualTo(2);
		assertThat(saga.step(3)).extracting(StepExecution::state).isEqualTo(StepState.COMPENSATED);
		assertThat(saga.step(4)).isNull();
	}

	@Test
	void anExecutionHasALeaseWithBothOwnerAndExpiryOrNeither() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SagaExecution(UUID.randomUUID(), "x", SagaState.RUNNING, T0, T0, null, "owner", null,
					List.of()))
			.withMessageContaining("leaseOwner and leaseUntil must both be set or both be null");
	}

	@Test
	void aStepHasAPositiveSequenceAndANameForItsDefinition() {
		assertThatIllegalArgumentException().isThrownBy(() -> StepExecution.started(0, "x", null, null))
			.withMessage("sequence must be at least 1, but was 0");
		assertThatIllegalArgumentException().isThrownBy(() -> new StepDefinition("", null))
			.withMessage("name must not be empty");
	}

	@Test
	void onlyRunningAndCompensatingSagasAreActive() {
		assertThat(SagaState.values()).filteredOn(SagaState::isActive)
			.containsExactly(SagaState.RUNNING, SagaState.COMPENSATING);
	}

	private static StepExecution step(StepState state, CompensationRef compensation) {
		return new StepExecution(1, "step", state, 0, null, null, null, compensation);
	}

	private static StepExecution step(int sequence, StepState state) {
		return new StepExecution(sequence, "step" + sequence, state, 0, null, null, null, REF);
	}

}
