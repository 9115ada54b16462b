package dev.resilience.sample.orders;

/**
 * A simulated partner refused a step, such as a declined payment. An
 * {@link IllegalArgumentException}, which the default error classifier calls permanent:
 * the step is known not to have taken effect, so it is not compensated. (A step that
 * fails with a transient error, such as a time-out, may have taken effect, and is
 * compensated.)
 *
 * @author Resilience
 * @since 0.1.0
 */
public class StepFailedException extends IllegalArgumentException {

	StepFailedException(String message) {
		super(message);
	}

}
