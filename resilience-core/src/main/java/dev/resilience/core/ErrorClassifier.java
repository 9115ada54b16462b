package dev.resilience.core;

/**
 * Decides whether a failure is transient (worth retrying, a sign of a struggling
 * downstream) or permanent (the same call will fail again, and says nothing about the
 * downstream's health). Declare a bean of this type to replace the default.
 *
 * @author Resilience
 * @since 0.1.0
 * @see #defaults()
 */
@FunctionalInterface
public interface ErrorClassifier {

	/**
	 * Whether the given failure is transient.
	 * @param failure the failure, already unwrapped from {@code CompletionException} and
	 * {@code ExecutionException}
	 * @return {@code true} if transient, {@code false} if permanent
	 */
	boolean isTransient(Throwable failure);

	/**
	 * The default classification: {@code IOException}, {@code TimeoutException},
	 * resilience rejections and HTTP statuses 408, 429, 502, 503 and 504 are transient;
	 * other 4xx statuses, {@code IllegalArgumentException} and
	 * {@code VirtualMachineError} (out of memory, stack overflow) are permanent; anything
	 * else is transient.
	 * @return the default classifier
	 */
	static ErrorClassifier defaults() {
		return DefaultErrorClassifier.INSTANCE;
	}

}
