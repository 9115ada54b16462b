package dev.resilience.aop;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.resilience.aop.SagaServices.Inventory;
import dev.resilience.aop.SagaServices.Journal;
import dev.resilience.aop.SagaServices.Orders;
import dev.resilience.aop.SagaServices.Payments;
import dev.resilience.aop.SagaServices.Shipping;
import dev.resilience.aop.SagaServices.UnstorableSaga;
import dev.resilience.aop.SagaServices.UnstorableSteps;
import dev.resilience.autoconfigure.ResilienceAutoConfiguration;
import dev.resilience.autoconfigure.ResilienceSagaAutoConfiguration;
import dev.resilience.saga.SagaCoordinator;
import dev.resilience.saga.SagaException;
import dev.resilience.saga.SagaExecution;
import dev.resilience.saga.SagaState;
import dev.resilience.saga.StepState;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@code @Saga} and {@code @SagaStep} on Spring beans, with the in-memory store
 * and compensations run from the stored JSON.
 *
 * @author Resilience
 */
class SagaInterceptionTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(ResilienceAutoConfiguration.class, ResilienceSagaAutoConfiguration.class))
		.withPropertyValues("resilience.saga.compensation-retry.max-attempts=2",
				"resilience.saga.compensation-retry.wait-duration=0s")
		.withBean(Journal.class)
		.withBean("inventory", Inventory.class)
		.withBean("payments", Payments.class)
		.withBean("shipping", Shipping.class)
		.withBean("orders", Orders.class);

	@Test
	void sagaThatSucceedsCompletesAndCompensatesNothing() {
		this.runner.run((context) -> {
			assertThat(context.getBean(Orders.class).place("sku-1")).isEqualTo("hold-sku-1/track-2");
			SagaExecution saga = execution(context);
			assertThat(saga.state()).isEqualTo(SagaState.COMPLETED);
			assertThat(saga.steps()).extracting((step) -> step.name())
				.containsExactly("Shipping.lookup", "reserve", "charge", "ship");
			assertThat(saga.steps()).allMatch((step) -> step.state() == StepState.COMPLETED);
			assertThat(saga.steps().get(1).arguments()).isEqualTo("[\"sku-1\",2]");
			assertThat(context.getBean(Journal.class).entries).containsExactly("lookup", "reserve", "charge", "ship",
					"end");
		});
	}

	@Test
	void failureAtTheFirstStepCompensatesNothing() {
		assertCompensations("reserve", List.of());
	}

	@Test
	void failureAtTheSecondStepReleasesTheReservation() {
		assertCompensations("charge", List.of("release(sku-1, 2, hold-sku-1)"));
	}

	@Test
	void failureAtTheThirdStepRefundsThenReleasesWithDecodedRecordAndNumbers() {
		assertCompensations("ship",
				List.of("refund(Card[number=4242, cents=1999], 1999)", "release(sku-1, 2, hold-sku-1)"));
	}

	@Test
	void failureAfterTheLastStepCompensatesEveryStepLatestFirstWithResults() {
		assertCompensations("end", List.of("cancel([a, b], track-2)", "refund(Card[number=4242, cents=1999], 1999)",
				"release(sku-1, 2, hold-sku-1)"));
	}

	@Test
	void stepFailingWithATransientErrorIsCompensatedWithoutResult() {
		this.runner.run((context) -> {
			Journal journal = context.getBean(Journal.class);
			journal.failAt = "ship";
			journal.failure = new IllegalStateException("time-out");
			assertThatExceptionOfType(IllegalStateException.class)
				.isThrownBy(() -> context.getBean(Orders.class).place("sku-1"));
			assertThat(compensations(journal)).containsExactly("cancel([a, b], null)",
					"refund(Card[number=4242, cents=1999], 1999)", "release(sku-1, 2, hold-sku-1)");
		});
	}

	private void assertCompensations(String failAt, List<String> expected) {
		this.runner.run((context) -> {
			Journal journal = context.getBean(Journal.class);
			journal.failAt = failAt;
			assertThatIllegalArgumentException().isThrownBy(() -> context.getBean(Orders.class).place("sku-1"))
				.withMessage("declined");
			assertThat(compensations(journal)).containsExactlyElementsOf(expected);
			SagaExecution saga = execution(context);
			assertThat(saga.state()).isEqualTo(SagaState.COMPENSATED);
			assertThat(saga.cause()).contains("declined");
		});
	}

	@Test
	void failingCompensationLeavesTheSagaFailedUntilRetried() {
		this.runner.run((context) -> {
			Journal journal = context.getBean(Journal.class);
			journal.failAt = "charge";
			journal.failingCompensations.set(2);
			assertThatIllegalArgumentException().isThrownBy(() -> context.getBean(Orders.class).place("sku-1"))
				.satisfies((ex) -> assertThat(ex.getSuppressed()).singleElement()
					.satisfies((suppressed) -> assertThat(suppressed).hasMessage("inventory unavailable")));
			SagaCoordinator coordinator = context.getBean(SagaCoordinator.class);
			SagaExecution failed = execution(context);
			assertThat(failed.state()).isEqualTo(SagaState.FAILED);
			assertThat(failed.failedStep().name()).isEqualTo("reserve");
			assertThat(coordinator.retryCompensation(failed.id())).isEqualTo(SagaState.COMPENSATED);
			assertThat(compensations(journal)).containsExactly("release(sku-1, 2, hold-sku-1)");
		});
	}

	@Test
	void stepCalledOutsideASagaJustRuns() {
		this.runner.run((context) -> {
			assertThat(context.getBean(Inventory.class).reserve("sku-9", 1)).isEqualTo("hold-sku-9");
			assertThat(context.getBean(SagaCoordinator.class).store().countsByState()).isEmpty();
		});
	}

	@Test
	void stepsInTasksStartedThroughTheWrappedExecutorBelongToTheSaga() {
		ExecutorService executor = Executors.newFixedThreadPool(2);
		try {
			this.runner.run((context) -> {
				Journal journal = context.getBean(Journal.class);
				journal.failAt = "end";
				assertThatIllegalArgumentException()
					.isThrownBy(() -> context.getBean(Orders.class).placeInParallel("sku-2", executor));
				assertThat(compensations(journal)).containsExactlyInAnyOrder("release(sku-2, 1, hold-sku-2)",
						"voidAuthorization(Card[number=1111, cents=5], auth-1111)");
				SagaExecution saga = execution(context);
				assertThat(saga.steps()).extracting((step) -> step.name())
					.containsExactlyInAnyOrder("reserve", "authorize");
				assertThat(saga.state()).isEqualTo(SagaState.COMPENSATED);
			});
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void stepWhoseArgumentCannotBeStoredFailsNamingStepAndType() {
		this.runner.withBean("unstorableSteps", UnstorableSteps.class)
			.withBean(UnstorableSaga.class)
			.run((context) -> assertThatExceptionOfType(SagaException.class)
				.isThrownBy(() -> context.getBean(UnstorableSaga.class).run())
				.withMessageContaining("Saga step 'store' cannot store argument 1 of type "
						+ SagaServices.Unstorable.class.getName()));
	}

	private static List<String> compensations(Journal journal) {
		return journal.entries.stream().filter((entry) -> entry.contains("(")).toList();
	}

	private static SagaExecution execution(AssertableApplicationContext context) {
		return context.getBean(SagaCoordinator.class).store().find(context.getBean(Journal.class).sagaId).orElseThrow();
	}

}
