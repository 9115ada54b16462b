package dev.resilience.saga;

import java.lang.reflect.UndeclaredThrowableException;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Runs sagas whose steps are given in code, for when annotations do not fit:
 * <pre class="code">
 * Order order = sagaTemplate.execute("place-order", (saga) -&gt; {
 * 	Hold hold = saga.step("reserve", () -&gt; inventory.reserve(sku, qty), (held) -&gt; inventory.release(held));
 * 	Charge charge = saga.step("charge", () -&gt; payments.charge(card, total), payments::refund);
 * 	return orders.create(hold, charge);
 * });
 * </pre> Steps are logged and compensated exactly as {@code @SagaStep} methods are, but
 * their compensations are held in memory: <b>they are not crash-recoverable</b>. If the
 * process stops while such a saga runs, recovery cannot run them; it marks the saga
 * {@link SagaState#FAILED} for an operator to compensate by hand. Steps that are
 * {@code @SagaStep} bean methods called from the body are logged with their bean method,
 * and are recoverable like any other.
 * <p>
 * Compensations must be idempotent and must tolerate a step that never took effect.
 *
 * @author Resilience
 * @since 0.1.0
 */
public final class SagaTemplate {

	private final SagaCoordinator coordinator;

	/**
	 * Create a template running sagas on the given coordinator.
	 * @param coordinator the coordinator
	 */
	public SagaTemplate(SagaCoordinator coordinator) {
		this.coordinator = Objects.requireNonNull(coordinator, "coordinator must not be null");
	}

	/**
	 * Run a saga on the calling thread. If the body throws, the steps that may have taken
	 * effect are compensated, latest first, and the failure is rethrown with what stopped
	 * the compensation suppressed.
	 * @param <R> the result type
	 * @param sagaName the saga name
	 * @param callback the saga's body
	 * @return the body's result
	 * @throws UndeclaredThrowableException wrapping a checked exception the body threw;
	 * unchecked ones are thrown as they are
	 */
	public <R> @Nullable R execute(String sagaName, SagaCallback<R> callback) {
		try {
			return this.coordinator.run(sagaName, callback, this::doInSaga);
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new UndeclaredThrowableException(ex);
		}
	}

	private <R> R doInSaga(SagaCallback<R> callback) throws Exception {
		ActiveSaga saga = Objects.requireNonNull(SagaContext.active(), "no saga is current");
		return callback.doInSaga(new TemplateSteps(saga));
	}

}
