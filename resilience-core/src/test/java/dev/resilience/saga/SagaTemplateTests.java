package dev.resilience.saga;

import java.io.IOException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link SagaTemplate}.
 */
class SagaTemplateTests {

	private final SagaFixture fixture = new SagaFixture();

	private final SagaTemplate template = new SagaTemplate(this.fixture.coordinator);

	private final AtomicReference<UUID> id = new AtomicReference<>();

	private final List<String> undone = new CopyOnWriteArrayList<>();

	@Test
	void runsAndLogsTheStepsOfASaga() {
		String order = this.template.execute("place-order", (saga) -> {
			this.id.set(saga.id());
			assertThat(saga.name()).isEqualTo("place-order");
			String hold = saga.step("reserve", () -> "hold-1", this::undo);
			int price = saga.step("price", () -> 42);
			return hold + "@" + price;
		});
		assertThat(order).isEqualTo("hold-1@42");
		SagaExecution saga = this.fixture.find(this.id.get());
		assertThat(saga.state()).isEqualTo(SagaState.COMPLETED);
		assertThat(saga.steps()).extracting(StepExecution::name, StepExecution::state, StepExecution::compensation)
			.containsExactly(tuple("reserve", StepState.COMPLETED, CompensationRef.inMemory()),
					tuple("price", StepState.COMPLETED, null));
		assertThat(this.undone).isEmpty();
	}

	@Test
	void compensatesWithTheInMemoryCompensationsInReverseGivenTheResults() {
		IllegalStateException failure = new IllegalStateException("shipping failed");
		Throwable thrown = catchThrowable(() -> this.template.execute("place-order", (saga) -> {
			saga.step("reserve", () -> "hold-1", this::undo);
			saga.step("charge", () -> "charge-1", this::undo);
			saga.step("price", () -> 42);
			throw failure;
		}));
		assertThat(thrown).isSameAs(failure);
		assertThat(this.undone).containsExactly("charge-1", "hold-1");
		assertThat(this.fixture.compensator.calls()).isEmpty();
	}

	@Test
	void compensatesAStepInDoubtWithoutItsResult() {
		catchThrowable(() -> this.template.execute("place-order", (saga) -> saga.step("charge", () -> {
			throw new IOException("time-out");
		}, this::undo)));
		assertThat(this.undone).containsExactly("null");
	}

	@Test
	void wrapsACheckedFailureOfTheBody() {
		IOException failure = new IOException("down");
		Throwable thrown = catchThrowable(() -> this.template.execute("place-order", (saga) -> {
			saga.step("reserve", () -> "hold", this::undo);
			throw failure;
		}));
		assertThat(thrown).isInstanceOf(UndeclaredThrowableException.class).hasCause(failure);
		assertThat(this.undone).containsExactly("hold");
	}

	@Test
	void logsStepsCalledThroughTheHandleOnAnotherThread() {
		this.template.execute("place-order", (saga) -> {
			this.id.set(saga.id());
			return CompletableFuture.supplyAsync(() -> {
				try {
					return saga.step("reserve", () -> "hold", this::undo);
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}).join();
		});
		assertThat(this.fixture.find(this.id.get()).steps()).extracting(StepExecution::name).containsExactly("reserve");
	}

	@Test
	void logsAnnotatedStepsCalledFromATemplateStepInTheSameSaga() {
		this.template.execute("place-order", (saga) -> {
			this.id.set(saga.id());
			return CompletableFuture.supplyAsync(() -> {
				try {
					return saga.step("order", this::annotatedReserve);
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}).join();
		});
		assertThat(this.fixture.find(this.id.get()).steps()).extracting(StepExecution::name)
			.containsExactly("order", "reserve");
	}

	private String annotatedReserve() throws Exception {
		try {
			return this.fixture.step("reserve", "sku", () -> "hold");
		}
		catch (Exception | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void undo(Object result) {
		this.undone.add(String.valueOf(result));
	}

}
