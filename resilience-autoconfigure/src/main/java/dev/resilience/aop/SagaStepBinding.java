package dev.resilience.aop;

import java.util.concurrent.CompletionStage;

import dev.resilience.annotation.Saga;
import dev.resilience.annotation.SagaStep;
import dev.resilience.core.CheckedFunction;
import dev.resilience.saga.CompensationRef;
import dev.resilience.saga.SagaCoordinator;
import dev.resilience.saga.StepDefinition;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.ProxyMethodInvocation;

/**
 * Binds {@link SagaStep @SagaStep} to the {@link SagaCoordinator}: each call is logged in
 * the saga that is current, with its arguments, so that its compensation can be run from
 * the log. The compensation method is found and its signature checked here, at start-up.
 * A step may return a plain value or a {@code CompletionStage}; a reactive step fails the
 * start.
 *
 * @author Resilience
 * @since 0.1.0
 */
public final class SagaStepBinding implements PatternBinding<SagaStep> {

	private final SagaCoordinator coordinator;

	private final boolean valuesStored;

	/**
	 * Create a binding.
	 * @param coordinator the coordinator that logs the steps
	 * @param valuesStored whether the coordinator stores step arguments and results (it
	 * has a codec); steps with a compensation need it
	 */
	public SagaStepBinding(SagaCoordinator coordinator, boolean valuesStored) {
		this.coordinator = coordinator;
		this.valuesStored = valuesStored;
	}

	@Override
	public int order() {
		return SAGA_ORDER;
	}

	@Override
	public Class<SagaStep> annotationType() {
		return SagaStep.class;
	}

	@Override
	public Stage wrap(AnnotatedMethod method, SagaStep annotation, Stage next) {
		rejectSagaAndStep(method);
		if (method.returnKind().isReactive()) {
			throw new InvalidResilienceAnnotationException(method,
					"@SagaStep cannot log a method returning " + method.method().getReturnType().getSimpleName(),
					"Return a plain value or a CompletionStage from the @SagaStep method.");
		}
		StepDefinition definition = new StepDefinition(method.instanceName(annotation.name()),
				compensation(method, annotation.compensation()));
		SagaCoordinator coordinator = this.coordinator;
		if (method.returnKind() == ReturnKind.COMPLETION_STAGE) {
			CheckedFunction<ProxyMethodInvocation, CompletionStage<Object>> call = (invocation) -> Terminals
				.invokeAsync(next, invocation);
			return (invocation) -> coordinator.stepAsync(definition, invocation.getArguments(), invocation, call);
		}
		return (invocation) -> coordinator.step(definition, invocation.getArguments(), invocation, next::invoke);
	}

	private @Nullable CompensationRef compensation(AnnotatedMethod method, String name) {
		if (name.isEmpty()) {
			return null;
		}
		if (!this.valuesStored) {
			throw new InvalidResilienceAnnotationException(method,
					"its compensation '" + name + "' needs the step's arguments stored, and no StepCodec is available",
					"Add tools.jackson.core:jackson-databind to the classpath (or define a StepCodec bean), "
							+ "or remove the compensation attribute.");
		}
		return CompensationMethods.resolve(method, name);
	}

	static void rejectSagaAndStep(AnnotatedMethod method) {
		if (method.find(Saga.class) != null && method.find(SagaStep.class) != null) {
			throw new InvalidResilienceAnnotationException(method, "it is both a @Saga and a @SagaStep",
					"Keep one of the two annotations: to make a saga a step of another, call the @Saga method "
							+ "from a @SagaStep method of another bean.");
		}
	}

}
