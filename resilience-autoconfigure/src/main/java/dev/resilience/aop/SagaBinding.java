package dev.resilience.aop;

import dev.resilience.annotation.Saga;
import dev.resilience.saga.SagaCoordinator;

/**
 * Binds {@link Saga @Saga} to the {@link SagaCoordinator}: the method runs as a saga of
 * the type it names, whose steps are compensated if it throws. Only synchronous methods
 * can be sagas; a method returning a {@code CompletionStage}, {@code Mono} or
 * {@code Flux} fails the start, and so does a method that is both a saga and a step, and
 * a saga whose recovery was not set up.
 *
 * @author Resilience
 * @since 0.1.0
 */
public final class SagaBinding implements PatternBinding<Saga> {

	private final SagaCoordinator coordinator;

	private final boolean recoverySetUp;

	/**
	 * Create a binding.
	 * @param coordinator the coordinator that runs the sagas
	 */
	public SagaBinding(SagaCoordinator coordinator) {
		this(coordinator, true);
	}

	/**
	 * Create a binding.
	 * @param coordinator the coordinator that runs the sagas
	 * @param recoverySetUp whether the saga infrastructure (recovery, and the tables of a
	 * JDBC saga log) was set up because the start found the application's sagas; when
	 * not, a {@code @Saga} method fails the start, as its sagas could not be recovered
	 */
	public SagaBinding(SagaCoordinator coordinator, boolean recoverySetUp) {
		this.coordinator = coordinator;
		this.recoverySetUp = recoverySetUp;
	}

	@Override
	public int order() {
		return SAGA_ORDER;
	}

	@Override
	public Class<Saga> annotationType() {
		return Saga.class;
	}

	@Override
	public Stage wrap(AnnotatedMethod method, Saga annotation, Stage next) {
		SagaStepBinding.rejectSagaAndStep(method);
		if (method.returnKind() != ReturnKind.SYNC) {
			throw new InvalidResilienceAnnotationException(method,
					"@Saga cannot run a method returning " + method.method().getReturnType().getSimpleName()
							+ ": sagas run synchronously, on the calling thread",
					"Return a plain value (or void) from the @Saga method, and join any asynchronous steps "
							+ "(CompletableFutures started through SagaContext.wrap) before it returns.");
		}
		if (!this.recoverySetUp) {
			throw new InvalidResilienceAnnotationException(method,
					"its sagas would not be recovered: the saga infrastructure (recovery, and the tables of a JDBC "
							+ "saga log) was not set up, as no bean with @Saga or @SagaStep methods was found at "
							+ "start-up, and this bean's definition does not show its class",
					"Declare the bean with its class (a @Bean method returning " + method.userClass().getSimpleName()
							+ " rather than an interface or a superclass), or set resilience.saga.store.");
		}
		String name = method.instanceName(annotation.name());
		SagaCoordinator coordinator = this.coordinator;
		return (invocation) -> coordinator.run(name, invocation, next::invoke);
	}

}
