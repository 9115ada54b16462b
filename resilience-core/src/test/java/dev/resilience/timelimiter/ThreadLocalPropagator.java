package dev.resilience.timelimiter;

import java.util.concurrent.atomic.AtomicInteger;

import dev.resilience.core.ContextPropagator;

/**
 * A {@link ContextPropagator} that carries one thread-local value and counts the tasks it
 * wraps.
 */
final class ThreadLocalPropagator implements ContextPropagator {

	static final ThreadLocal<String> CONTEXT = new ThreadLocal<>();

	private final AtomicInteger wrapped = new AtomicInteger();

	@Override
	public Runnable wrap(Runnable task) {
		String captured = CONTEXT.get();
		this.wrapped.incrementAndGet();
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
		return this.wrapped.get();
	}

}
