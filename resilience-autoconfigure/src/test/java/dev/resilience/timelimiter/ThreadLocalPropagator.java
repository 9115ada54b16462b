package dev.resilience.timelimiter;

/**
 * A {@link ContextPropagator} that carries one thread-local value and counts the tasks
 * it wraps.
 */
final class ThreadLocalPropagator implements ContextPropagator {

	static final ThreadLocal<String> CONTEXT = new ThreadLocal<>();

	private volatile int wrapped;

	@Override
	public Runnable wrap(Runnable task) {
		String captured = CONTEXT.get();
		this.wrapped++;
		return () -> {
			String previous = CONTEXT.get();
			CONTEXT.set(captured);
			try {
				task.run();
			}
			finally {
				CONTEXT.set(previous);
			}
		};
	}

	int wrapped() {
		return this.wrapped;
	}

}
