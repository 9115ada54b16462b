package dev.resilience.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start-up that failed because the saga tables are missing: which tables, and
 * the two ways to create them.
 *
 * @author Resilience
 */
class SagaTablesMissingFailureAnalyzer extends AbstractFailureAnalyzer<SagaTablesMissingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SagaTablesMissingException cause) {
		return new FailureAnalysis(cause.getDescription(), cause.getAction(), cause);
	}

}
