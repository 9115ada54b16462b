package dev.resilience.saga;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import dev.resilience.core.ResilienceEvent;
import dev.resilience.testsupport.ManualTimeSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for running sagas and their steps with {@link SagaCoordinator}.
 */
class SagaCoordinatorTests {

	private final SagaFixture fixture = new SagaFixture();

	private final AtomicReference<UUID> id = new AtomicReference<>();

	@Test
	void completesASagaAndLogsEachStepWithItsArgumentsAndResult() throws Throwable {
		String result = this.fixture.saga("place-order", () -> {
			this.id.set(SagaFixture.currentId());
			String hold = this.fixture.step("reserve", "sku-1", () -> "hold-1");
			String charge = this.fixture.step("charge", "card-1", () -> "charge-1");
			return hold + "/" + charge;
		});
		assertThat(result).isEqualTo("hold-1/charge-1");
		SagaExecution saga = this.fixture.find(this.id.get());
		assertThat(saga.name()).isEqualTo("place-order");
		assertThat(saga.state()).isEqualTo(SagaState.COMPLETED);
		assertThat(saga.cause()).isNull();
		assertThat(saga.leaseOwner()).isNull();
		assertThat(saga.startedAt()).isEqualTo(ManualTimeSource.START);
		assertThat(saga.steps())
			.extracting(StepExecution::sequence, StepExecution::name, StepExecution::state, StepExecution::arguments,
					StepExecution::result)
			.containsExactly(tuple(1, "reserve", StepState.COMPLETED, "[sku-1]", "hold-1"),
					tuple(2, "charge", StepState.COMPLETED, "[card-1]", "charge-1"));
		assertThat(saga.steps().get(0).compensation())
			.isEqualTo(new CompensationRef("bean", "undoreserve", List.of("java.lang.String")));
		assertThat(this.fixture.compensator.calls()).isEmpty();
		SagaMetrics metrics = this.fixture.coordinator.types().get("place-order").metrics();
		assertThat(metrics.completed()).isOne();
		assertThat(metrics.compensated()).isZero();
		assertThat(metrics.failed()).isZero();
		assertThat(metrics.active()).isZero();
	}

	@Test
	void countsTheSagaAsActiveWhileItRuns() throws Throwable {
		SagaMetrics metrics = this.fixture.coordinator.types().get("place-order").metrics();
		int during = this.fixture.saga("place-order", metrics::active);
		assertThat(during).isOne();
		assertThat(metrics.active()).isZero();
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 2, 3 })
	void compensatesTheStepsBeforeTheFailedOneAndItselfInReverseWhenAStepFailsTransiently(int failing)
			throws Throwable {
		IOException failure = new IOException("time-out");
		Throwable thrown = catchThrowable(() -> threeSteps(failing, failure));
		assertThat(thrown).isSameAs(failure);
		assertThat(thrown.getSuppressed()).isEmpty();
		assertThat(this.fixture.compensator.calls()).containsExactlyElementsOf(reversed(1, failing));
		SagaExecution saga = this.fixture.find(this.id.get());
		assertThat(saga.state()).isEqualTo(SagaState.COMPENSATED);
		assertThat(saga.cause()).isEqualTo("java.io.IOException: time-out");
		assertThat(saga.steps()).hasSize(failing)
			.allSatisfy((step) -> assertThat(step.state()).isEqualTo(StepState.COMPENSATED));
		assertThat(saga.steps().get(failing - 1).error()).isEqualTo("java.io.IOException: time-out");
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 2, 3 })
	void doesNotCompensateAStepThatFailedPermanently(int failing) throws Throwable {
		IllegalArgumentException failure = new IllegalArgumentException("card declined");
		Throwable thrown = catchThrowable(() -> threeSteps(failing, failure));
		assertThat(thrown).isSameAs(failure);
		assertThat(this.fixture.compensator.calls()).containsExactlyElementsOf(reversed(1, failing - 1));
		SagaExecution saga = this.fixture.find(this.id.get());
		assertThat(saga.state()).isEqualTo(SagaState.COMPENSATED);
		StepExecution failed = saga.steps().get(failing - 1);
		assertThat(failed.state()).isEqualTo(StepState.FAILED);
		assertThat(failed.error()).isEqualTo("java.lang.IllegalArgumentException: card declined");
		assertThat(failed.attempts()).isZero();
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 2, 3 })
	void compensatesTheCompletedStepsInReverseWhenTheBodyFailsAfterThem(int completed) throws Throwable {
		IllegalStateException failure = new IllegalStateException("out of stock");
		Throwable thrown = catchThrowable(() -> this.fixture.saga("place-order", () -> {
			this.id.set(SagaFixture.currentId());
			for (int i = 1; i <= completed; i++) {
				this.fixture.step("step" + i, "arg" + i, () -> "done");
			}
			throw failure;
		}));
		assertThat(thrown).isSameAs(failure);
		assertThat(this.fixture.compensator.calls()).containsExactlyElementsOf(reversed(1, completed));
		assertThat(this.fixture.compensator.steps()).extracting(StepExecution::arguments)
			.containsExactlyElementsOf(
					reversed(1, completed).stream().map((name) -> "[arg" + name.substring(4) + "]").toList());
		assertThat(this.fixture.find(this.id.get()).state()).isEqualTo(SagaState.COMPENSATED);
		SagaMetrics metrics = this.fixture.coordinator.types().get("place-order").metrics();
		assertThat(metrics.compensated()).isOne();
		assertThat(metrics.completed()).isZero();
		assertThat(metrics.active()).isZero();
	}

	@Test
	void neverCompensatesAStepWithoutCompensation() throws Throwable {
		catchThrowable(() -> this.fixture.saga("place-order", () -> {
			this.id.set(SagaFixture.currentId());
			this.fixture.step("reserve", "sku", () -> "hold");
			this.fixture.step(SagaFixture.read("price"), "sku", () -> 42);
			throw new IllegalStateException("boom");
		}));
		assertThat(this.fixture.compensator.calls()).containsExactly("reserve");
		SagaExecution saga = this.fixture.find(this.id.get());
		assertThat(saga.steps()).extracting(StepExecution::name, StepExecution::state, StepExecution::arguments)
			.containsExactly(tuple("reserve", StepState.COMPENSATED, "[sku]"),
					tuple("price", StepState.COMPLETED, null));
	}

	@Test
	void runsAStepOutsideAnySagaWithoutLoggingIt() throws Throwable {
		assertThat(SagaContext.current()).isNull();
		assertThat(this.fixture.step("reserve", "sku", () -> "hold")).isEqualTo("hold");
		IOException failure = new IOException("down");
		assertThat(catchThrowable(() -> this.fixture.step("reserve", "sku", () -> {
			throw failure;
		}))).isSameAs(failure);
		assertThat(this.fixture.store.countsByState()).isEmpty();
		assertThat(this.fixture.compensator.calls()).isEmpty();
	}

	@Test
	void logsAStepCalledInsideAnotherStepAsAStepOfItsOwn() throws Throwable {
		String result = this.fixture.saga("place-order", () -> {
			this.id.set(SagaFixture.currentId());
			return this.fixture.step("outer", "o", () -> this.fixture.step("inner", "i", () -> "in") + "+out");
		});
		assertThat(result).isEqualTo("in+out");
		assertThat(this.fixture.find(this.id.get()).steps())
			.extracting(StepExecution::sequence, StepExecution::name, StepExecution::state, StepExecution::result)
			.containsExactly(tuple(1, "outer", StepState.COMPLETED, "in+out"),
					tuple(2, "inner", StepState.COMPLETED, "in"));
	}

	@Test
	void compensatesANestedStepBeforeTheStepThatCalledIt() throws Throwable {
		catchThrowable(() -> this.fixture.saga("place-order", () -> {
			this.fixture.step("first", "f", () -> "1");
			this.fixture.step("outer", "o", () -> this.fixture.step("inner", "i", () -> "in"));
			throw new IllegalStateException("boom");
		}));
		assertThat(this.fixture.compensator.calls()).containsExactly("inner", "outer", "first");
	}

	@Test
	void compensatesACompletedNestedStepWhenTheStepThatCalledItFailsPermanently() throws Throwable {
		catchThrowable(() -> this.fixture.saga("place-order", () -> this.fixture.step("outer", "o", () -> {
			this.fixture.step("inner", "i", () -> "in");
			throw new IllegalArgumentException("rejected");
		})));
		assertThat(this.fixture.compensator.calls()).containsExactly("inner");
	}

	@Test
	void runsASagaInsideASagaAsASagaOfItsOwn() throws Throwable {
		AtomicReference<UUID> innerId = new AtomicReference<>();
		this.fixture.saga("outer", () -> {
			this.id.set(SagaFixture.currentId());
			this.fixture.step("a", "1", () -> "a");
			catchThrowable(() -> this.fixture.saga("inner", () -> {
				innerId.set(SagaFixture.currentId());
				this.fixture.step("b", "2", () -> "b");
				throw new IllegalStateException("inner failed");
			}));
			assertThat(SagaFixture.currentId()).isEqualTo(this.id.get());
			this.fixture.step("c", "3", () -> "c");
			return null;
		});
		assertThat(this.fixture.compensator.calls()).containsExactly("b");
		SagaExecution inner = this.fixture.find(innerId.get());
		assertThat(inner.state()).isEqualTo(SagaState.COMPENSATED);
		assertThat(inner.steps()).extracting(StepExecution::name).containsExactly("b");
		SagaExecution outer = this.fixture.find(this.id.get());
		assertThat(outer.state()).isEqualTo(SagaState.COMPLETED);
		assertThat(outer.steps()).extracting(StepExecution::name).containsExactly("a", "c");
		assertThat(SagaContext.current()).isNull();
	}

	@Test
	void logsAStepInTheStoreOfTheCoordinatorRunningTheSaga() throws Throwable {
		InMemorySagaStore otherStore = new InMemorySagaStore();
		SagaCoordinator other = SagaCoordinator.builder(otherStore).build();
		this.fixture.saga("place-order", () -> {
			this.id.set(SagaFixture.currentId());
			return other.step(SagaFixture.compensated("reserve"), new Object[] { "sku" }, "ctx", (ctx) -> "hold");
		});
		assertThat(this.fixture.find(this.id.get()).steps()).extracting(StepExecution::name, StepExecution::arguments)
			.containsExactly(tuple("reserve", "[sku]"));
		assertThat(otherStore.countsByState()).isEmpty();
	}

	@Test
	void runsCompensationsWithNoSagaCurrent() throws Throwable {
		List<Object> seen = new ArrayList<>();
		SagaCoordinator coordinator = SagaCoordinator.builder(this.fixture.store)
			.codec(new TestCodec())
			.compensator((saga, step) -> seen.add(String.valueOf(SagaContext.current())))
			.timeSource(this.fixture.time)
			.build();
		catchThrowable(() -> coordinator.run("place-order", "ctx",
				(ctx) -> coordinator.step(SagaFixture.compensated("reserve"), new Object[] { "sku" }, "x", (x) -> {
					throw new IllegalStateException("boom");
				})));
		assertThat(seen).containsExactly("null");
	}

	@Test
	void clearsTheCurrentSagaWhenItEnds() throws Throwable {
		this.fixture.saga("place-order", () -> "ok");
		catchThrowable(() -> this.fixture.saga("place-order", () -> {
			throw new IllegalStateException("boom");
		}));
		assertThat(SagaContext.current()).isNull();
	}

	@Test
	void recordsTheCompensationInTheSagasEvents() throws Throwable {
		catchThrowable(() -> threeSteps(2, new IOException("time-out")));
		List<ResilienceEvent> events = this.fixture.coordinator.types().get("place-order").events().recent();
		assertThat(events).extracting(ResilienceEvent::type).containsExactly("COMPENSATING", "COMPENSATED");
		assertThat(events.get(0).error()).isEqualTo("java.io.IOException: time-out");
	}

	@Test
	void compensatesASagaWhoseCompletionCannotBeLogged() throws Throwable {
		UncheckedIOException storeDown = new UncheckedIOException(new IOException("store down"));
		DelegatingStore store = new DelegatingStore(this.fixture.store) {

			@Override
			void beforeWrite(String operation) {
				if (operation.equals("updateState COMPLETED")) {
					throw storeDown;
				}
			}

		};
		SagaFixture failing = new SagaFixture(store);
		Throwable thrown = catchThrowable(() -> failing.saga("place-order", () -> {
			this.id.set(SagaFixture.currentId());
			return failing.step("reserve", "sku", () -> "hold");
		}));
		assertThat(thrown).isSameAs(storeDown);
		assertThat(failing.compensator.calls()).containsExactly("reserve");
		assertThat(this.fixture.find(this.id.get()).state()).isEqualTo(SagaState.COMPENSATED);
	}

	@Test
	void doesNotRunAStepWhoseStartCannotBeLogged() throws Throwable {
		UncheckedIOException storeDown = new UncheckedIOException(new IOException("store down"));
		DelegatingStore store = new DelegatingStore(this.fixture.store) {

			@Override
			void beforeWrite(String operation) {
				if (operation.equals("stepStarted")) {
					throw storeDown;
				}
			}

		};
		SagaFixture failing = new SagaFixture(store);
		List<String> ran = new ArrayList<>();
		Throwable thrown = catchThrowable(() -> failing.saga("place-order", () -> {
			this.id.set(SagaFixture.currentId());
			return failing.step("reserve", "sku", () -> ran.add("reserve"));
		}));
		assertThat(thrown).isSameAs(storeDown);
		assertThat(ran).isEmpty();
		assertThat(failing.compensator.calls()).isEmpty();
		assertThat(this.fixture.find(this.id.get()).state()).isEqualTo(SagaState.COMPENSATED);
	}

	private void threeSteps(int failing, Exception failure) throws Throwable {
		this.fixture.saga("place-order", () -> {
			this.id.set(SagaFixture.currentId());
			for (int i = 1; i <= 3; i++) {
				this.fixture.step("step" + i, "arg" + i, (i != failing) ? () -> "done" : () -> {
					throw failure;
				});
			}
			return null;
		});
	}

	private static List<String> reversed(int from, int to) {
		return IntStream.rangeClosed(from, to).map((i) -> to - i + from).mapToObj((i) -> "step" + i).toList();
	}

}
