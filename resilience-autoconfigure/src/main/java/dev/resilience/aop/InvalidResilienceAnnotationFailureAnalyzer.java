package dev.resilience.aop;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start-up that failed on a resilience annotation: which bean and method, what
 * is wrong, and how to fix it.
 *
 * @author Resilience
 */
class InvalidResilienceAnnotationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidResilienceAnnotationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidResilienceAnnotationException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.getAction(), cause);
	}

}
