package dev.resilience.saga;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.resilience.testsupport.Concurrently;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What every {@link SagaStore} must do. Extend it with a method that returns a new, empty
 * store; instants used here are whole seconds, so that a store may keep them at any
 * precision down to milliseconds.
 *
 * @author Resilience
 */
public abstract class SagaStoreContractTests {

	/**
	 * When the sagas of these tests start.
	 */
	protected static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

	private static final String OWNER = "instance-a";

	private static final String OTHER = "instance-b";

	private static final CompensationRef REF = new CompensationRef("inventoryClient", "release",
			List.of("java.lang.String", "int", "com.example.Hold"));

	private SagaStore store;

	/**
	 * Return a new, empty store.
	 * @return the store under test
	 */
	protected abstract SagaStore createStore();

	@BeforeEach
	void createTheStore() {
		this.store = createStore();
	}

	@Test
	void createsAndFindsARunningSaga() {
		SagaExecution saga = start("place-order", T0, T0.plusSeconds(60));
		SagaExecution found = find(saga.id());
		assertThat(found.id()).isEqualTo(saga.id());
		assertThat(found.name()).isEqualTo("place-order");
		assertThat(found.state()).isEqualTo(SagaState.RUNNING);
		assertThat(found.startedAt()).isEqualTo(T0);
		assertThat(found.updatedAt()).isEqualTo(T0);
		assertThat(found.cause()).isNull();
		assertThat(found.leaseOwner()).isEqualTo(OWNER);
		assertThat(found.leaseUntil()).isEqualTo(T0.plusSeconds(60));
		assertThat(found.steps()).isEmpty();
	}

	@Test
	void findsNothingForAnUnknownId() {
		assertThat(this.store.find(UUID.randomUUID())).isEmpty();
	}

	@Test
	void logsAStartedStepWithItsArgumentsAndCompensation() {
		SagaExecution saga = start("place-order", T0, T0.plusSeconds(60));
		this.store.stepStarted(saga.id(), StepExecution.started(1, "reserve", "[\"sku-1\",2,{\"id\":7}]", REF));
		this.store.stepStarted(saga.id(), StepExecution.started(2, "price", null, null));
		assertThat(find(saga.id()).steps()).containsExactly(
				new StepExecution(1, "reserve", StepState.STARTED, 0, null, "[\"sku-1\",2,{\"id\":7}]", null, REF),
				new StepExecution(2, "price", StepState.STARTED, 0, null, null, null, null));
	}

	@Test
	void keepsAnInMemoryCompensationReference() {
		SagaExecution saga = start("place-order", T0, T0.plusSeconds(60));
		this.store.stepStarted(saga.id(), StepExecution.started(1, "reserve", null, CompensationRef.inMemory()));
		StepExecution step = find(saga.id()).steps().get(0);
		assertThat(step.compensation()).isNotNull();
		assertThat(step.compensation().isInMemory()).isTrue();
	}

	@Test
	void ordersStepsBySequenceWhateverOrderTheyStartedIn() {
		SagaExecution saga = start("place-order", T0, T0.plusSeconds(60));
		this.store.stepStarted(saga.id(), StepExecution.started(2, "charge", null, REF));
		this.store.stepStarted(saga.id(), StepExecution.started(1, "reserve", null, REF));
		this.store.stepStarted(saga.id(), StepExecution.started(10, "ship", null, REF));
		assertThat(find(saga.id()).steps()).extracting(StepExecution::sequence).containsExactly(1, 2, 10);
	}

	@Test
	void logsACompletedStepWithItsResult() {
		SagaExecution saga = start("place-order", T0, T0.plusSeconds(60));
		this.store.stepStarted(saga.id(), StepExecution.started(1, "reserve", "[1]", REF));
		this.store.stepStarted(saga.id(), StepExecution.started(2, "notify", "[2]", REF));
		this.store.stepCompleted(saga.id(), 1, "{\"hold\":\"h-1\"}");
		this.store.stepCompleted(saga.id(), 2, null);
		assertThat(find(saga.id()).steps())
			.extracting(StepExecution::state, StepExecution::arguments, StepExecution::result)
			.containsExactly(tuple(StepState.COMPLETED, "[1]", "{\"hold\":\"h-1\"}"),
					tuple(StepState.COMPLETED, "[2]", null));
	}

	@Test
	void logsAPermanentFailureAsFailed() {
		SagaExecution saga = start("place-order", T0, T0.plusSeconds(60));
		this.store.stepStarted(saga.id(), StepExecution.started(1, "charge", "[]", REF));
		this.store.stepFailed(saga.id(), 1, "java.lang.IllegalArgumentException: declined", true);
		assertThat(find(saga.id()).steps()).extracting(StepExecution::state, StepExecution::error)
			.containsExactly(tuple(StepState.FAILED, "java.lang.IllegalArgumentException: declined"));
	}

	@Test
	void leavesATransientlyFailedStepStartedWithItsError() {
		SagaExecution saga = start("place-order", T0, T0.plusSeconds(60));
		this.store.stepStarted(saga.id(), StepExecution.started(1, "charge", "[]", REF));
		this.store.stepFailed(saga.id(), 1, "java.io.IOException: time-out", false);
		assertThat(find(saga.id()).steps()).extracting(StepExecution::state, StepExecution::error)
			.containsExactly(tuple(StepState.STARTED, "java.io.IOException: time-out"));
	}

	@Test
	void logsAFailedCompensationThenASuccessfulOneKeepingTheLastError() {
		SagaExecution saga = start("place-order", T0, T0.plusSeconds(60));
		this.store.stepStarted(saga.id(), StepExecution.started(1, "charge", "[]", REF));
		this.store.stepCompleted(saga.id(), 1, "\"c-1\"");
		this.store.stepCompensationFailed(saga.id(), 1, 5, "java.io.IOException: refund failed");
		StepExecution failed = find(saga.id()).steps().get(0);
		assertThat(failed.state()).isEqualTo(StepState.COMPENSATION_FAILED);
		assertThat(failed.attempts()).isEqualTo(5);
		assertThat(failed.error()).isEqualTo("java.io.IOException: refund failed");
		assertThat(failed.result()).isEqualTo("\"c-1\"");
		this.store.stepCompensated(saga.id(), 1, 6);
		StepExecution compensated = find(saga.id()).steps().get(0);
		assertThat(compensated.state()).isEqualTo(StepState.COMPENSATED);
		assertThat(compensated.attempts()).isEqualTo(6);
		assertThat(compensated.error()).isEqualTo("java.io.IOException: refund failed");
	}

	@Test
	void changesTheStateOnlyForTheLeaseOwner() {
		SagaExecution saga = start("place-order", T0, T0.plusSeconds(60));
		assertThat(this.store.updateState(saga.id(), OTHER, SagaState.COMPLETED, null, T0.plusSeconds(1))).isFalse();
		assertThat(find(saga.id()).state()).isEqualTo(SagaState.RUNNING);
		assertThat(this.store.updateState(saga.id(), OWNER, SagaState.COMPENSATING, "java.lang.Exception: boom",
				T0.plusSeconds(2)))
			.isTrue();
		SagaExecution compensating = find(saga.id());
		assertThat(compensating.state()).isEqualTo(SagaState.COMPENSATING);
		assertThat(compensating.cause()).isEqualTo("java.lang.Exception: boom");
		assertThat(compensating.updatedAt()).isEqualTo(T0.plusSeconds(2));
		assertThat(compensating.leaseOwner()).isEqualTo(OWNER);
		assertThat(compensating.leaseUntil()).isEqualTo(T0.plusSeconds(60));
	}

	@Test
	void keepsTheCauseAndClearsTheLeaseWhenTheSagaFinishes() {
		SagaExecution saga = start("place-order", T0, T0.plusSeconds(60));
		this.store.updateState(saga.id(), OWNER, SagaState.COMPENSATING, "boom", T0.plusSeconds(1));
		assertThat(this.store.updateState(saga.id(), OWNER, SagaState.FAILED, null, T0.plusSeconds(3))).isTrue();
		SagaExecution failed = find(saga.id());
		assertThat(failed.state()).isEqualTo(SagaState.FAILED);
		assertThat(failed.cause()).isEqualTo("boom");
		assertThat(failed.updatedAt()).isEqualTo(T0.plusSeconds(3));
		assertThat(failed.leaseOwner()).isNull();
		assertThat(failed.leaseUntil()).isNull();
		assertThat(this.store.updateState(saga.id(), OWNER, SagaState.COMPENSATED, null, T0.plusSeconds(4))).isFalse();
	}

	@Test
	void clearsTheLeaseWhenTheSagaCompletes() {
		SagaExecution saga = start("place-order", T0, T0.plusSeconds(60));
		assertThat(this.store.updateState(saga.id(), OWNER, SagaState.COMPLETED, null, T0.plusSeconds(1))).isTrue();
		SagaExecution completed = find(saga.id());
		assertThat(completed.state()).isEqualTo(SagaState.COMPLETED);
		assertThat(completed.leaseOwner()).isNull();
		assertThat(completed.leaseUntil()).isNull();
	}

	@Test
	void countsExecutionsBySagaNameAndState() {
		finish(start("place-order", T0, T0.plusSeconds(60)), SagaState.COMPLETED);
		finish(start("place-order", T0, T0.plusSeconds(60)), SagaState.COMPLETED);
		finish(start("place-order", T0, T0.plusSeconds(60)), SagaState.FAILED);
		start("place-order", T0, T0.plusSeconds(60));
		finish(start("refund", T0, T0.plusSeconds(60)), SagaState.COMPENSATED);
		Map<String, Map<SagaState, Long>> counts = this.store.countsByState();
		assertThat(counts).containsOnlyKeys("place-order", "refund");
		assertThat(counts.get("place-order")).containsEntry(SagaState.COMPLETED, 2L)
			.containsEntry(SagaState.FAILED, 1L)
			.containsEntry(SagaState.RUNNING, 1L);
		assertThat(counts.get("place-order").getOrDefault(SagaState.COMPENSATED, 0L)).isZero();
		assertThat(counts.get("refund")).containsEntry(SagaState.COMPENSATED, 1L);
	}

	@Test
	void listsTheLatestFailedSagasOfANameWithTheirSteps() {
		List<UUID> failed = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			SagaExecution saga = start("place-order", T0.plusSeconds(i), T0.plusSeconds(60));
			this.store.stepStarted(saga.id(), StepExecution.started(1, "charge", "[]", REF));
			this.store.stepCompensationFailed(saga.id(), 1, 5, "refund failed " + i);
			this.store.updateState(saga.id(), OWNER, SagaState.FAILED, "cause " + i, T0.plusSeconds(100 + i));
			failed.add(saga.id());
		}
		finish(start("refund", T0, T0.plusSeconds(60)), SagaState.FAILED);
		finish(start("place-order", T0, T0.plusSeconds(60)), SagaState.COMPENSATED);
		List<SagaExecution> recent = this.store.recentFailed("place-order", 3);
		assertThat(recent).extracting(SagaExecution::id).containsExactly(failed.get(3), failed.get(2), failed.get(1));
		assertThat(recent.get(0).failedStep()).isNotNull();
		assertThat(recent.get(0).failedStep().error()).isEqualTo("refund failed 3");
		assertThat(recent.get(0).cause()).isEqualTo("cause 3");
		assertThat(this.store.recentFailed("unknown", 3)).isEmpty();
	}

	@Test
	void claimsActiveSagasWhoseLeaseExpiredOldestFirst() {
		Instant now = T0.plusSeconds(100);
		SagaExecution expiredLater = start("place-order", T0.plusSeconds(5), T0.plusSeconds(90));
		SagaExecution expiredFirst = start("place-order", T0, now);
		SagaExecution compensating = start("refund", T0.plusSeconds(7), T0.plusSeconds(50));
		this.store.updateState(compensating.id(), OWNER, SagaState.COMPENSATING, "boom", T0.plusSeconds(8));
		start("place-order", T0.plusSeconds(1), now.plusSeconds(1));
		finish(start("place-order", T0, T0.plusSeconds(10)), SagaState.COMPLETED);
		finish(start("place-order", T0, T0.plusSeconds(10)), SagaState.FAILED);
		List<SagaExecution> claimed = this.store.claimStale(OTHER, now, now.plusSeconds(60), 10);
		assertThat(claimed).extracting(SagaExecution::id)
			.containsExactly(expiredFirst.id(), expiredLater.id(), compensating.id());
		assertThat(claimed).allSatisfy((saga) -> {
			assertThat(saga.leaseOwner()).isEqualTo(OTHER);
			assertThat(saga.leaseUntil()).isEqualTo(now.plusSeconds(60));
		});
		assertThat(claimed.get(2).state()).isEqualTo(SagaState.COMPENSATING);
		assertThat(find(expiredFirst.id()).leaseOwner()).isEqualTo(OTHER);
		assertThat(find(expiredFirst.id()).state()).isEqualTo(SagaState.RUNNING);
	}

	@Test
	void claimsStaleSagasWithTheirSteps() {
		SagaExecution saga = start("place-order", T0, T0.plusSeconds(60));
		this.store.stepStarted(saga.id(), StepExecution.started(1, "reserve", "[1]", REF));
		this.store.stepCompleted(saga.id(), 1, "\"h\"");
		this.store.stepStarted(saga.id(), StepExecution.started(2, "charge", "[2]", REF));
		List<SagaExecution> claimed = this.store.claimStale(OTHER, T0.plusSeconds(60), T0.plusSeconds(120), 1);
		assertThat(claimed).singleElement()
			.satisfies((stale) -> assertThat(stale.steps()).extracting(StepExecution::name, StepExecution::state)
				.containsExactly(tuple("reserve", StepState.COMPLETED), tuple("charge", StepState.STARTED)));
	}

	@Test
	void claimsAtMostTheLimit() {
		for (int i = 0; i < 5; i++) {
			start("place-order", T0.plusSeconds(i), T0.plusSeconds(10));
		}
		assertThat(this.store.claimStale(OTHER, T0.plusSeconds(60), T0.plusSeconds(120), 2)).hasSize(2);
		assertThat(this.store.claimStale(OTHER, T0.plusSeconds(60), T0.plusSeconds(120), 10)).hasSize(3);
	}

	@Test
	void doesNotClaimASagaAgainBeforeItsNewLeaseExpires() {
		SagaExecution saga = start("place-order", T0, T0.plusSeconds(60));
		assertThat(this.store.claimStale(OTHER, T0.plusSeconds(60), T0.plusSeconds(120), 10)).hasSize(1);
		assertThat(this.store.claimStale(OWNER, T0.plusSeconds(119), T0.plusSeconds(180), 10)).isEmpty();
		assertThat(this.store.claimStale(OWNER, T0.plusSeconds(120), T0.plusSeconds(180), 10))
			.extracting(SagaExecution::id)
			.containsExactly(saga.id());
	}

	@Test
	void claimsASagaWhoseLeaseWasReleasedAtOnce() {
		SagaExecution saga = start("place-order", T0, T0.plusSeconds(60));
		assertThat(this.store.releaseLease(saga.id(), OTHER)).isFalse();
		assertThat(find(saga.id()).leaseOwner()).isEqualTo(OWNER);
		assertThat(this.store.releaseLease(saga.id(), OWNER)).isTrue();
		SagaExecution released = find(saga.id());
		assertThat(released.leaseOwner()).isNull();
		assertThat(released.leaseUntil()).isNull();
		assertThat(released.state()).isEqualTo(SagaState.RUNNING);
		assertThat(this.store.claimStale(OTHER, T0.plusSeconds(1), T0.plusSeconds(61), 10))
			.extracting(SagaExecution::id)
			.containsExactly(saga.id());
	}

	@Test
	void claimsAFailedSagaOnceToRetryItsCompensation() {
		SagaExecution saga = start("place-order", T0, T0.plusSeconds(60));
		this.store.stepStarted(saga.id(), StepExecution.started(1, "charge", "[]", REF));
		this.store.updateState(saga.id(), OWNER, SagaState.COMPENSATING, "boom", T0.plusSeconds(1));
		this.store.updateState(saga.id(), OWNER, SagaState.FAILED, null, T0.plusSeconds(2));
		SagaExecution claimed = this.store.claimFailed(saga.id(), OTHER, T0.plusSeconds(10), T0.plusSeconds(70))
			.orElseThrow();
		assertThat(claimed.state()).isEqualTo(SagaState.COMPENSATING);
		assertThat(claimed.leaseOwner()).isEqualTo(OTHER);
		assertThat(claimed.leaseUntil()).isEqualTo(T0.plusSeconds(70));
		assertThat(claimed.cause()).isEqualTo("boom");
		assertThat(claimed.steps()).hasSize(1);
		SagaExecution stored = find(saga.id());
		assertThat(stored.state()).isEqualTo(SagaState.COMPENSATING);
		assertThat(stored.updatedAt()).isEqualTo(T0.plusSeconds(10));
		assertThat(stored.leaseOwner()).isEqualTo(OTHER);
		assertThat(this.store.claimFailed(saga.id(), OWNER, T0.plusSeconds(11), T0.plusSeconds(71))).isEmpty();
	}

	@Test
	void claimsNoSagaThatIsNotFailedForARetry() {
		SagaExecution running = start("place-order", T0, T0.plusSeconds(60));
		assertThat(this.store.claimFailed(running.id(), OTHER, T0, T0.plusSeconds(60))).isEmpty();
		assertThat(this.store.claimFailed(UUID.randomUUID(), OTHER, T0, T0.plusSeconds(60))).isEmpty();
		assertThat(find(running.id()).leaseOwner()).isEqualTo(OWNER);
	}

	@Test
	void renewsOnlyTheLeasesTheOwnerHoldsOnActiveSagas() {
		SagaExecution mine = start("place-order", T0, T0.plusSeconds(60));
		SagaExecution compensating = start("place-order", T0, T0.plusSeconds(60));
		this.store.updateState(compensating.id(), OWNER, SagaState.COMPENSATING, "boom", T0);
		SagaExecution finished = start("place-order", T0, T0.plusSeconds(60));
		finish(finished, SagaState.COMPLETED);
		SagaExecution taken = start("place-order", T0, T0.plusSeconds(10));
		this.store.claimStale(OTHER, T0.plusSeconds(10), T0.plusSeconds(70), 10);
		int renewed = this.store.renewLeases(OWNER,
				List.of(mine.id(), compensating.id(), finished.id(), taken.id(), UUID.randomUUID()),
				T0.plusSeconds(90));
		assertThat(renewed).isEqualTo(2);
		assertThat(find(mine.id()).leaseUntil()).isEqualTo(T0.plusSeconds(90));
		assertThat(find(compensating.id()).leaseUntil()).isEqualTo(T0.plusSeconds(90));
		assertThat(find(finished.id()).leaseUntil()).isNull();
		assertThat(find(taken.id()).leaseOwner()).isEqualTo(OTHER);
		assertThat(find(taken.id()).leaseUntil()).isEqualTo(T0.plusSeconds(70));
	}

	@Test
	void renewsNothingForNoSagas() {
		assertThat(this.store.renewLeases(OWNER, List.of(), T0)).isZero();
	}

	@Test
	void ignoresWritesToAnUnknownSaga() {
		UUID unknown = UUID.randomUUID();
		this.store.stepStarted(unknown, StepExecution.started(1, "reserve", null, REF));
		this.store.stepCompleted(unknown, 1, null);
		this.store.stepFailed(unknown, 1, "x", true);
		this.store.stepCompensated(unknown, 1, 1);
		this.store.stepCompensationFailed(unknown, 1, 1, "x");
		assertThat(this.store.updateState(unknown, OWNER, SagaState.COMPLETED, null, T0)).isFalse();
		assertThat(this.store.releaseLease(unknown, OWNER)).isFalse();
		assertThat(this.store.find(unknown)).isEmpty();
	}

	@Test
	void twoInstancesClaimingConcurrentlyNeverGetTheSameSaga() throws Exception {
		int sagas = 300;
		Set<UUID> created = new HashSet<>();
		for (int i = 0; i < sagas; i++) {
			created.add(start("place-order", T0.plusSeconds(i % 7), T0.plusSeconds(10)).id());
		}
		int threadsPerInstance = 4;
		Map<UUID, String> claimedBy = new ConcurrentHashMap<>();
		List<UUID> claims = Collections.synchronizedList(new ArrayList<>());
		Concurrently.runTogether(2 * threadsPerInstance, (thread) -> {
			String owner = (thread % 2 == 0) ? OWNER : OTHER;
			for (int round = 0; round < sagas && claims.size() < sagas; round++) {
				for (SagaExecution saga : this.store.claimStale(owner, T0.plusSeconds(60), T0.plusSeconds(600), 3)) {
					claims.add(saga.id());
					claimedBy.put(saga.id(), owner);
				}
			}
			return null;
		});
		assertThat(claims).hasSize(sagas).doesNotHaveDuplicates();
		assertThat(new HashSet<>(claims)).isEqualTo(created);
		for (UUID id : created) {
			assertThat(find(id).leaseOwner()).isEqualTo(claimedBy.get(id));
		}
	}

	/**
	 * Return the store under test.
	 * @return the store
	 */
	protected SagaStore store() {
		return this.store;
	}

	private SagaExecution start(String name, Instant startedAt, Instant leaseUntil) {
		SagaExecution saga = SagaExecution.start(UUID.randomUUID(), name, startedAt, OWNER, leaseUntil);
		this.store.createSaga(saga);
		return saga;
	}

	private void finish(SagaExecution saga, SagaState state) {
		if (state != SagaState.COMPLETED) {
			this.store.updateState(saga.id(), OWNER, SagaState.COMPENSATING, "boom", saga.startedAt());
		}
		assertThat(this.store.updateState(saga.id(), OWNER, state, null, saga.startedAt().plus(Duration.ofSeconds(1))))
			.isTrue();
	}

	private SagaExecution find(UUID id) {
		return this.store.find(id).orElseThrow(() -> new AssertionError("no saga " + id));
	}

}
