package dev.resilience.bulkhead;

import java.util.concurrent.Callable;

/**
 * Adapts code that may throw anything, such as {@link Bulkhead#execute}, to a
 * {@link Callable} for an executor.
 *
 * @author Resilience
 */
final class Tasks {

	private Tasks() {
	}

	static <T> Callable<T> callable(Task<T> task) {
		return () -> {
			try {
				return task.run();
			}
			catch (Exception | Error ex) {
				throw ex;
			}
			catch (Throwable ex) {
				throw new IllegalStateException(ex);
			}
		};
	}

	@FunctionalInterface
	interface Task<T> {

		T run() throws Throwable;

	}

}
