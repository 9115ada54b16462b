package dev.resilience.saga;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for storing the arguments and results of steps.
 */
class StepEncodingTests {

	private final SagaFixture fixture = new SagaFixture();

	private final AtomicReference<UUID> id = new AtomicReference<>();

	private final List<String> ran = new ArrayList<>();

	@Test
	void failsAStepWhoseArgumentCannotBeStoredNamingTheStepAndTheType() throws Throwable {
		Throwable thrown = catchThrowable(() -> this.fixture.saga("place-order", () -> {
			this.id.set(SagaFixture.currentId());
			return this.fixture.coordinator.step(SagaFixture.compensated("reserve"),
					new Object[] { "sku", new TestCodec.Unencodable() }, "ctx", (ctx) -> this.ran.add("reserve"));
		}));
		assertThat(thrown).isInstanceOf(SagaException.class)
			.hasMessage("Saga step 'reserve' cannot store argument 2 of type "
					+ "dev.resilience.saga.TestCodec$Unencodable for its compensation: "
					+ "No serializer found for dev.resilience.saga.TestCodec$Unencodable")
			.hasCauseInstanceOf(IllegalArgumentException.class);
		SagaException failure = (SagaException) thrown;
		assertThat(failure.getStepName()).isEqualTo("reserve");
		assertThat(failure.getSagaName()).isEqualTo("place-order");
		assertThat(failure.getSagaId()).isEqualTo(this.id.get());
		assertThat(this.ran).isEmpty();
		SagaExecution saga = this.fixture.find(this.id.get());
		assertThat(saga.steps()).isEmpty();
		assertThat(saga.state()).isEqualTo(SagaState.COMPENSATED);
		assertThat(saga.cause()).startsWith("dev.resilience.saga.SagaException: Saga step 'reserve' cannot store");
	}

	@Test
	void namesEveryArgumentTypeWhenNoSingleArgumentIsToBlame() throws Throwable {
		SagaCoordinator coordinator = SagaCoordinator.builder(this.fixture.store).codec((value) -> {
			if (value instanceof Object[] array && array.length > 1) {
				throw new IllegalStateException("too many");
			}
			return "ok";
		}).build();
		Throwable thrown = catchThrowable(() -> coordinator.run("place-order", "ctx", (ctx) -> coordinator
			.step(SagaFixture.compensated("reserve"), new Object[] { "sku", 2 }, ctx, (c) -> this.ran.add("reserve"))));
		assertThat(thrown).isInstanceOf(SagaException.class)
			.hasMessage("Saga step 'reserve' cannot store its arguments of types [java.lang.String, java.lang.Integer] "
					+ "for its compensation: too many");
		assertThat(this.ran).isEmpty();
	}

	@Test
	void leavesAStepWhoseResultCannotBeStoredInDoubtAndCompensatesIt() throws Throwable {
		Throwable thrown = catchThrowable(() -> this.fixture.saga("place-order", () -> {
			this.id.set(SagaFixture.currentId());
			return this.fixture.step("reserve", "sku", TestCodec.Unencodable::new);
		}));
		assertThat(thrown).isInstanceOf(SagaException.class)
			.hasMessageStartingWith("Saga step 'reserve' cannot store its result of type "
					+ "dev.resilience.saga.TestCodec$Unencodable for its compensation");
		assertThat(this.fixture.compensator.calls()).containsExactly("reserve");
		assertThat(this.fixture.find(this.id.get()).steps())
			.extracting(StepExecution::state, StepExecution::arguments, StepExecution::result)
			.containsExactly(tuple(StepState.COMPENSATED, "[sku]", null));
	}

	@Test
	void storesNothingForStepsWithoutADurableCompensation() throws Throwable {
		Object unencodable = new TestCodec.Unencodable();
		this.fixture.saga("place-order", () -> {
			this.id.set(SagaFixture.currentId());
			this.fixture.step(SagaFixture.read("price"), unencodable, () -> unencodable);
			return this.fixture.coordinator.step(new StepDefinition("hold", CompensationRef.inMemory()),
					new Object[] { unencodable }, "ctx", (ctx) -> unencodable);
		});
		assertThat(this.fixture.find(this.id.get()).steps())
			.extracting(StepExecution::state, StepExecution::arguments, StepExecution::result)
			.containsExactly(tuple(StepState.COMPLETED, null, null), tuple(StepState.COMPLETED, null, null));
	}

	@Test
	void encodesNullArgumentsAndResults() throws Throwable {
		this.fixture.saga("place-order", () -> {
			this.id.set(SagaFixture.currentId());
			return this.fixture.step("notify", null, () -> null);
		});
		assertThat(this.fixture.find(this.id.get()).steps()).extracting(StepExecution::arguments, StepExecution::result)
			.containsExactly(tuple("[null]", "null"));
	}

}
