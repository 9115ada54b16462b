package dev.resilience.saga;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for carrying a saga into tasks that run on other threads.
 */
class SagaContextTests {

	private final SagaFixture fixture = new SagaFixture();

	private final ExecutorService executor = Executors.newFixedThreadPool(2);

	private final AtomicReference<UUID> id = new AtomicReference<>();

	@AfterEach
	void shutDown() {
		this.executor.shutdownNow();
	}

	@Test
	void stepsInFuturesOnAWrappedExecutorBelongToTheSaga() throws Throwable {
		String result = this.fixture.saga("place-order", () -> {
			this.id.set(SagaFixture.currentId());
			CompletableFuture<String> hold = CompletableFuture.supplyAsync(
					() -> unchecked(() -> this.fixture.step("reserve", "sku", () -> "hold")),
					SagaContext.wrap(this.executor));
			CompletableFuture<String> charge = CompletableFuture.supplyAsync(
					() -> unchecked(() -> this.fixture.step("charge", "card", () -> "charge")),
					SagaContext.wrap(this.executor));
			return hold.join() + "+" + charge.join();
		});
		assertThat(result).isEqualTo("hold+charge");
		assertThat(this.fixture.find(this.id.get()).steps()).extracting(StepExecution::name, StepExecution::state)
			.containsExactlyInAnyOrder(tuple("reserve", StepState.COMPLETED), tuple("charge", StepState.COMPLETED));
	}

	@Test
	void stepsInSupplyAsyncOnTheCommonPoolBelongToTheSagaWhenTheSupplierIsWrapped() throws Throwable {
		this.fixture.saga("place-order", () -> {
			this.id.set(SagaFixture.currentId());
			return CompletableFuture
				.supplyAsync(SagaContext
					.wrapSupplier(() -> unchecked(() -> this.fixture.step("reserve", "sku", () -> "hold"))))
				.join();
		});
		assertThat(this.fixture.find(this.id.get()).steps()).extracting(StepExecution::name).containsExactly("reserve");
	}

	@Test
	void stepsInATaskThatIsNotWrappedRunOutsideTheSaga() throws Throwable {
		this.fixture.saga("place-order", () -> {
			this.id.set(SagaFixture.currentId());
			return CompletableFuture
				.supplyAsync(() -> unchecked(() -> this.fixture.step("reserve", "sku", () -> "hold")), this.executor)
				.join();
		});
		assertThat(this.fixture.find(this.id.get()).steps()).isEmpty();
	}

	@Test
	void compensatesStepsThatRanInFuturesWhenTheSagaFails() throws Throwable {
		IllegalStateException failure = new IllegalStateException("boom");
		Throwable thrown = catchThrowable(() -> this.fixture.saga("place-order", () -> {
			this.id.set(SagaFixture.currentId());
			this.fixture.step("first", "1", () -> "first");
			CompletableFuture
				.runAsync(() -> unchecked(() -> this.fixture.step("second", "2", () -> "second")),
						SagaContext.wrap(this.executor))
				.join();
			throw failure;
		}));
		assertThat(thrown).isSameAs(failure);
		assertThat(this.fixture.compensator.calls()).containsExactly("second", "first");
	}

	@Test
	void aStepStartedAfterItsSagaEndedFails() throws Throwable {
		AtomicReference<Runnable> late = new AtomicReference<>();
		this.fixture.saga("place-order", () -> {
			this.id.set(SagaFixture.currentId());
			late.set(SagaContext.wrap(() -> {
				unchecked(() -> this.fixture.step("reserve", "sku", () -> "hold"));
			}));
			return null;
		});
		assertThatIllegalStateException().isThrownBy(() -> late.get().run())
			.withMessageContaining("Saga step 'reserve' cannot join saga 'place-order'")
			.withMessageContaining("has ended");
		assertThat(this.fixture.find(this.id.get()).steps()).isEmpty();
	}

	@Test
	void aStepFinishingAfterItsSagaEndedIsNotLoggedAsFinished() throws Throwable {
		CompletableFuture<String> gate = new CompletableFuture<>();
		AtomicReference<CompletableFuture<String>> step = new AtomicReference<>();
		this.fixture.saga("place-order", () -> {
			this.id.set(SagaFixture.currentId());
			step.set(CompletableFuture.supplyAsync(
					() -> unchecked(() -> this.fixture.step("reserve", "sku", gate::join)),
					SagaContext.wrap(this.executor)));
			waitUntilLogged("reserve");
			return null;
		});
		gate.complete("hold");
		assertThat(step.get().join()).isEqualTo("hold");
		assertThat(this.fixture.find(this.id.get()).steps()).extracting(StepExecution::state)
			.containsExactly(StepState.STARTED);
	}

	@Test
	void wrapsNothingOutsideASaga() {
		Runnable task = () -> {
		};
		Supplier<String> supplier = () -> "x";
		assertThat(SagaContext.wrap(task)).isSameAs(task);
		assertThat(SagaContext.wrapSupplier(supplier)).isSameAs(supplier);
	}

	@Test
	void aWrappedTaskRestoresTheContextOfTheThreadThatRunsIt() throws Throwable {
		AtomicReference<Runnable> wrapped = new AtomicReference<>();
		AtomicReference<UUID> seen = new AtomicReference<>();
		this.fixture.saga("first", () -> {
			wrapped.set(SagaContext.wrap(() -> seen.set(SagaFixture.currentId())));
			return null;
		});
		this.fixture.saga("second", () -> {
			this.id.set(SagaFixture.currentId());
			wrapped.get().run();
			assertThat(SagaFixture.currentId()).isEqualTo(this.id.get());
			return null;
		});
		assertThat(seen.get()).isNotNull().isNotEqualTo(this.id.get());
	}

	@Test
	void exposesTheCurrentSaga() throws Throwable {
		SagaContext context = this.fixture.saga("place-order", SagaContext::current);
		assertThat(context).isNotNull();
		assertThat(context.name()).isEqualTo("place-order");
		assertThat(this.fixture.store.find(context.id())).isPresent();
		assertThat(context.isEnded()).isTrue();
	}

	@Test
	void makeCurrentAndSuspendBindAndRestoreTheSaga() throws Throwable {
		SagaContext context = this.fixture.saga("place-order", () -> {
			SagaContext current = SagaContext.current();
			try (SagaContext.Scope none = SagaContext.suspend()) {
				assertThat(SagaContext.current()).isNull();
			}
			assertThat(SagaContext.current()).isSameAs(current);
			return current;
		});
		try (SagaContext.Scope scope = context.makeCurrent()) {
			assertThat(SagaContext.current()).isSameAs(context);
		}
		assertThat(SagaContext.current()).isNull();
	}

	@Test
	void logsAnAsynchronousStepWhenItsStageCompletes() throws Throwable {
		CompletableFuture<String> remote = new CompletableFuture<>();
		CompletableFuture<String> result = this.fixture.saga("place-order", () -> {
			this.id.set(SagaFixture.currentId());
			CompletableFuture<String> step = asyncStep("reserve", remote);
			assertThat(this.fixture.find(this.id.get()).steps()).extracting(StepExecution::state)
				.containsExactly(StepState.STARTED);
			CompletableFuture.runAsync(() -> remote.complete("hold"), this.executor);
			step.join();
			return step;
		});
		assertThat(result.join()).isEqualTo("hold");
		assertThat(this.fixture.find(this.id.get()).steps()).extracting(StepExecution::state, StepExecution::result)
			.containsExactly(tuple(StepState.COMPLETED, "hold"));
	}

	@Test
	void logsAFailedAsynchronousStepAndCompensatesItWhenInDoubt() throws Throwable {
		IOException timeout = new IOException("time-out");
		Throwable thrown = catchThrowable(() -> this.fixture.saga("place-order", () -> {
			this.id.set(SagaFixture.currentId());
			return asyncStep("reserve", CompletableFuture.failedFuture(timeout)).join();
		}));
		assertThat(thrown).isInstanceOf(CompletionException.class).hasCause(timeout);
		assertThat(this.fixture.compensator.calls()).containsExactly("reserve");
		assertThat(this.fixture.find(this.id.get()).steps()).extracting(StepExecution::error)
			.containsExactly("java.io.IOException: time-out");
	}

	@Test
	void runsAnAsynchronousStepOutsideASagaWithoutLoggingIt() {
		CompletableFuture<String> step = asyncStep("reserve", CompletableFuture.completedFuture("hold"));
		assertThat(step.join()).isEqualTo("hold");
		assertThat(this.fixture.store.countsByState()).isEmpty();
	}

	private CompletableFuture<String> asyncStep(String name, CompletableFuture<String> stage) {
		return this.fixture.coordinator.stepAsync(SagaFixture.compensated(name), new Object[] { "sku" }, stage,
				(future) -> future);
	}

	private void waitUntilLogged(String step) {
		UUID sagaId = this.id.get();
		Awaitility.await()
			.until(() -> this.fixture.find(sagaId).steps().stream().anyMatch((s) -> s.name().equals(step)));
	}

	private static <T> T unchecked(SagaFixture.Action<T> action) {
		try {
			return action.call();
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new CompletionException(ex);
		}
	}

}
