package dev.resilience.retry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import dev.resilience.core.CheckedFunction;

/**
 * A call that plays a script: each attempt throws the next {@link Throwable} of the
 * script or returns the next value. The last entry repeats once the script runs out.
 */
final class ScriptedCall {

	private final List<Object> outcomes;

	private final List<String> contexts = new ArrayList<>();

	private int calls;

	private ScriptedCall(Object... outcomes) {
		this.outcomes = Arrays.asList(outcomes);
	}

	static ScriptedCall of(Object... outcomes) {
		return new ScriptedCall(outcomes);
	}

	int calls() {
		return this.calls;
	}

	List<String> contexts() {
		return this.contexts;
	}

	private Object next(String context) {
		this.contexts.add(context);
		Object outcome = this.outcomes.get(Math.min(this.calls, this.outcomes.size() - 1));
		this.calls++;
		return outcome;
	}

	/**
	 * A synchronous call that throws the scripted failures.
	 */
	CheckedFunction<String, String> sync() {
		return (context) -> {
			Object outcome = next(context);
			if (outcome instanceof Throwable failure) {
				throw failure;
			}
			return (String) outcome;
		};
	}

	/**
	 * An asynchronous call that returns failed stages for the scripted failures.
	 */
	CheckedFunction<String, CompletionStage<String>> async() {
		return (context) -> {
			Object outcome = next(context);
			if (outcome instanceof Throwable failure) {
				return CompletableFuture.failedFuture(failure);
			}
			return CompletableFuture.completedFuture((String) outcome);
		};
	}

	/**
	 * An asynchronous call that throws the scripted failures instead of returning a
	 * stage.
	 */
	CheckedFunction<String, CompletionStage<String>> asyncThrowing() {
		return (context) -> {
			Object outcome = next(context);
			if (outcome instanceof Throwable failure) {
				throw failure;
			}
			return CompletableFuture.completedFuture((String) outcome);
		};
	}

}
