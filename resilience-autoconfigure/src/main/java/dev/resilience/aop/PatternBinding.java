package dev.resilience.aop;

import java.lang.annotation.Annotation;

/**
 * Binds one pattern's annotation to the engine instance it names and wraps a method's
 * pipeline in that pattern's stage. One bean per pattern; the pipeline orders them by
 * {@link #order()}, outermost first.
 *
 * @param <A> the annotation type
 * @author Resilience
 * @since 0.1.0
 */
public interface PatternBinding<A extends Annotation> {

	/**
	 * Order of sagas and saga steps, which wrap everything else, the fallback included: a
	 * step's outcome is what its caller finally sees.
	 */
	int SAGA_ORDER = 10;

	/**
	 * Position of the fallback: bindings ordered below it wrap the fallback too, the
	 * others run inside it.
	 */
	int FALLBACK_ORDER = 50;

	/**
	 * Order of Retry, the outermost pattern inside the fallback.
	 */
	int RETRY_ORDER = 100;

	/**
	 * Order of CircuitBreaker.
	 */
	int CIRCUIT_BREAKER_ORDER = 200;

	/**
	 * Order of RateLimited.
	 */
	int RATE_LIMITER_ORDER = 300;

	/**
	 * Order of TimeLimited.
	 */
	int TIME_LIMITER_ORDER = 400;

	/**
	 * Order of Bulkhead, the innermost pattern.
	 */
	int BULKHEAD_ORDER = 500;

	/**
	 * Return this pattern's position; lower is further out.
	 * @return the order
	 */
	int order();

	/**
	 * Return the annotation type this binding handles.
	 * @return the annotation type
	 */
	Class<A> annotationType();

	/**
	 * Return the fallback method an annotation names.
	 * @param annotation the annotation
	 * @return the fallback method name, or empty for none
	 */
	default String fallbackMethod(A annotation) {
		return "";
	}

	/**
	 * Wrap the inner stages of a method in this pattern's stage. Called once per method
	 * at start-up: resolve everything here, so that the stage does no lookup per call.
	 * @param method the annotated method
	 * @param annotation its annotation of this pattern
	 * @param next the stages inside this one
	 * @return the wrapping stage
	 */
	Stage wrap(AnnotatedMethod method, A annotation, Stage next);

}
