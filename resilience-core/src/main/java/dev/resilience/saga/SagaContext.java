package dev.resilience.saga;

import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The saga running on the current thread, and the means to carry it into tasks that run
 * on other threads, so that steps called there belong to it.
 * <p>
 * A saga is current on the thread that runs its body. A task started from there runs
 * elsewhere without it, unless it is wrapped: submit it through {@link #wrap(Executor) a
 * wrapped executor}, or wrap the task itself, for example <pre class="code">
 * CompletableFuture&lt;Charge&gt; charge = CompletableFuture
 * 	.supplyAsync(SagaContext.wrapSupplier(() -&gt; payments.charge(card, total)));
 * CompletableFuture&lt;Hold&gt; hold = CompletableFuture
 * 	.supplyAsync(() -&gt; inventory.reserve(sku, qty), SagaContext.wrap(executor));
 * </pre> The same holds for {@code CompletableFuture}'s default pool, the common
 * fork-join pool: the context travels only with a wrapped task or executor. A wrapped
 * task runs within the saga that was current when it was wrapped (for an executor, when
 * the task was submitted) and restores its thread's own context afterwards.
 * <p>
 * Join such tasks before the saga's body returns: a step that starts after its saga ended
 * fails with an {@link IllegalStateException}, and one that finishes after it is not
 * logged as finished.
 *
 * @author Resilience
 * @since 0.1.0
 */
public final class SagaContext {

	private static final ThreadLocal<ActiveSaga> CURRENT = new ThreadLocal<>();

	private static final Scope NO_OP = () -> {
	};

	private final ActiveSaga saga;

	SagaContext(ActiveSaga saga) {
		this.saga = saga;
	}

	/**
	 * Return the saga running on the current thread.
	 * @return its context, or {@code null} if no saga runs here
	 */
	public static @Nullable SagaContext current() {
		ActiveSaga saga = CURRENT.get();
		return (saga != null) ? saga.context() : null;
	}

	/**
	 * Return the id of the saga's execution.
	 * @return the id
	 */
	public UUID id() {
		return this.saga.id();
	}

	/**
	 * Return the saga name.
	 * @return the name
	 */
	public String name() {
		return this.saga.name();
	}

	/**
	 * Whether the saga's body has ended, so that no step can join it any more.
	 * @return {@code true} once the body returned or threw
	 */
	public boolean isEnded() {
		return this.saga.isEnded();
	}

	/**
	 * Make this saga current on this thread until the returned scope is closed, which
	 * restores the saga that was current before. Meant for context-propagation libraries;
	 * prefer the {@code wrap} methods.
	 * @return the scope to close
	 */
	public Scope makeCurrent() {
		return bind(this.saga);
	}

	/**
	 * Make no saga current on this thread until the returned scope is closed.
	 * @return the scope to close
	 */
	public static Scope suspend() {
		return bind(null);
	}

	/**
	 * Return a task that runs the given one within the saga current now.
	 * @param task the task
	 * @return the wrapped task, or {@code task} itself if no saga is current
	 */
	public static Runnable wrap(Runnable task) {
		ActiveSaga saga = CURRENT.get();
		if (saga == null) {
			return task;
		}
		return () -> {
			try (Scope scope = bind(saga)) {
				task.run();
			}
		};
	}

	/**
	 * Return a supplier that runs the given one within the saga current now, such as for
	 * {@code CompletableFuture.supplyAsync}. Named apart from {@link #wrap(Runnable)} so
	 * that a lambda finds the right one.
	 * @param <T> the result type
	 * @param task the supplier
	 * @return the wrapped supplier, or {@code task} itself if no saga is current
	 */
	public static <T> Supplier<T> wrapSupplier(Supplier<T> task) {
		ActiveSaga saga = CURRENT.get();
		if (saga == null) {
			return task;
		}
		return () -> {
			try (Scope scope = bind(saga)) {
				return task.get();
			}
		};
	}

	/**
	 * Return an executor that runs each task within the saga current on the thread that
	 * submits it.
	 * @param executor the executor that runs the tasks
	 * @return the wrapping executor
	 */
	public static Executor wrap(Executor executor) {
		return (task) -> executor.execute(wrap(task));
	}

	static @Nullable ActiveSaga active() {
		return CURRENT.get();
	}

	static Scope bind(@Nullable ActiveSaga saga) {
		ActiveSaga previous = CURRENT.get();
		if (previous == saga) {
			return NO_OP;
		}
		set(saga);
		return () -> set(previous);
	}

	private static void set(@Nullable ActiveSaga saga) {
		if (saga != null) {
			CURRENT.set(saga);
		}
		else {
			CURRENT.remove();
		}
	}

	@Override
	public String toString() {
		return "SagaContext[" + this.saga.name() + " " + this.saga.id() + "]";
	}

	/**
	 * Restores the saga that was current before, when closed.
	 */
	@FunctionalInterface
	public interface Scope extends AutoCloseable {

		/**
		 * Restore the saga that was current before.
		 */
		@Override
		void close();

	}

}
