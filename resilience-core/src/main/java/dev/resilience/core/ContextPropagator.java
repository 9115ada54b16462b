package dev.resilience.core;

/**
 * Carries the caller's context, such as a logging MDC or an observation, into the thread
 * that runs a time-limited call or its time-out, or a later attempt of an asynchronous
 * retry.
 *
 * @author Resilience
 * @since 0.1.0
 */
@FunctionalInterface
public interface ContextPropagator {

	/**
	 * Capture the context of the calling thread and return a task that runs the given one
	 * within it, on whichever thread it runs, and restores that thread's own context
	 * afterwards.
	 * @param task the task to run within the caller's context
	 * @return the task to submit in its place
	 */
	Runnable wrap(Runnable task);

	/**
	 * Propagate nothing.
	 * @return a propagator that returns each task as it is
	 */
	static ContextPropagator none() {
		return (task) -> task;
	}

}
