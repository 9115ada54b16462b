package dev.resilience.saga;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link InMemorySagaStore}: the store contract, and its bounded memory.
 */
class InMemorySagaStoreTests extends SagaStoreContractTests {

	@Override
	protected SagaStore createStore() {
		return new InMemorySagaStore();
	}

	@Test
	void forgetsTheOldestFinishedSagasBeyondItsMaximumButKeepsCountingThem() {
		InMemorySagaStore store = new InMemorySagaStore(2);
		UUID[] ids = new UUID[4];
		for (int i = 0; i < ids.length; i++) {
			ids[i] = UUID.randomUUID();
			store.createSaga(SagaExecution.start(ids[i], "place-order", T0, "a", T0.plusSeconds(60)));
		}
		store.updateState(ids[0], "a", SagaState.COMPLETED, null, T0);
		store.updateState(ids[1], "a", SagaState.COMPENSATING, "boom", T0);
		store.updateState(ids[1], "a", SagaState.FAILED, null, T0);
		store.updateState(ids[2], "a", SagaState.COMPLETED, null, T0);
		store.updateState(ids[3], "a", SagaState.COMPLETED, null, T0);
		assertThat(store.find(ids[0])).isEmpty();
		assertThat(store.find(ids[1])).isPresent();
		assertThat(store.find(ids[2])).isPresent();
		assertThat(store.find(ids[3])).isPresent();
		assertThat(store.countsByState().get("place-order")).containsEntry(SagaState.COMPLETED, 3L)
			.containsEntry(SagaState.FAILED, 1L);
	}

	@Test
	void refusesToCreateASagaTwice() {
		InMemorySagaStore store = new InMemorySagaStore();
		SagaExecution saga = SagaExecution.start(UUID.randomUUID(), "place-order", T0, "a", T0);
		store.createSaga(saga);
		assertThatIllegalStateException().isThrownBy(() -> store.createSaga(saga)).withMessageContaining("exists");
	}

	@Test
	void refusesAMaximumBelowOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> new InMemorySagaStore(0))
			.withMessage("maxFinished must be at least 1, but was 0");
	}

}
