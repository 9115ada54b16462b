package dev.resilience.saga;

import java.lang.reflect.UndeclaredThrowableException;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;

/**
 * The steps of one {@link SagaTemplate} saga, logged in it whichever thread calls them.
 *
 * @author Resilience
 */
final class TemplateSteps implements SagaSteps {

	private static final Object[] NO_ARGUMENTS = {};

	private final ActiveSaga saga;

	TemplateSteps(ActiveSaga saga) {
		this.saga = saga;
	}

	@Override
	public UUID id() {
		return this.saga.id();
	}

	@Override
	public String name() {
		return this.saga.name();
	}

	@Override
	public <R> @Nullable R step(String name, Callable<R> action) throws Exception {
		return run(new StepDefinition(name, null), action, null);
	}

	@Override
	@SuppressWarnings("unchecked")
	public <R> @Nullable R step(String name, Callable<R> action, StepCompensation<? super R> compensation)
			throws Exception {
		return run(new StepDefinition(name, CompensationRef.inMemory()), action,
				(StepCompensation<Object>) compensation);
	}

	private <R> @Nullable R run(StepDefinition step, Callable<R> action,
			@Nullable StepCompensation<Object> compensation) throws Exception {
		try {
			return this.saga.log().run(this.saga, step, NO_ARGUMENTS, compensation, action, this::callWithin);
		}
		catch (Exception | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new UndeclaredThrowableException(ex);
		}
	}

	private <R> R callWithin(Callable<R> action) throws Exception {
		try (SagaContext.Scope scope = SagaContext.bind(this.saga)) {
			return action.call();
		}
	}

}
