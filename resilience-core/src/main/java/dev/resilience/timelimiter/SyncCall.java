package dev.resilience.timelimiter;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

import dev.resilience.core.CheckedFunction;
import org.jspecify.annotations.Nullable;

/**
 * A synchronous call handed to another thread. {@link Callable} may only throw an
 * {@link Exception}, so the rare throwable that is neither an exception nor an error
 * travels in a carrier and is taken out again by {@link #cause}.
 *
 * @param <C> the context type
 * @param <R> the result type
 * @author Resilience
 */
final class SyncCall<C, R> implements Callable<R> {

	private final C context;

	private final CheckedFunction<C, R> call;

	SyncCall(C context, CheckedFunction<C, R> call) {
		this.context = context;
		this.call = call;
	}

	@Override
	public @Nullable R call() throws Exception {
		try {
			return this.call.apply(this.context);
		}
		catch (Exception | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new Carrier(ex);
		}
	}

	/**
	 * Return what the call threw.
	 * @param failure the failure reported by the call's future
	 * @return the call's own throwable, unwrapped
	 */
	static Throwable cause(ExecutionException failure) {
		Throwable cause = failure.getCause();
		if (cause == null) {
			return failure;
		}
		return (cause instanceof Carrier carrier) ? carrier.carried : cause;
	}

	private static final class Carrier extends Exception {

		private final Throwable carried;

		Carrier(Throwable carried) {
			super(null, carried, false, false);
			this.carried = carried;
		}

	}

}
