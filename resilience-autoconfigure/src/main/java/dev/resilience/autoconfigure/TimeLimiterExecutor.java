package dev.resilience.autoconfigure;

import java.util.concurrent.ExecutorService;

import org.springframework.beans.factory.DisposableBean;

/**
 * Owns the threads that run time-limited synchronous calls and stops them with the
 * application. Not an {@code Executor} bean itself, so that it never stands in for the
 * application's task executor.
 *
 * @author Resilience
 * @since 0.1.0
 */
public final class TimeLimiterExecutor implements DisposableBean {

	private final ExecutorService executor;

	/**
	 * Wrap an executor.
	 * @param executor the executor, owned from now on
	 */
	public TimeLimiterExecutor(ExecutorService executor) {
		this.executor = executor;
	}

	/**
	 * Return the executor.
	 * @return the executor
	 */
	public ExecutorService executor() {
		return this.executor;
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

}
