package dev.resilience.saga;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link Compensator} that records each compensation it runs, by step name, and fails a
 * step's compensation as many times as told.
 */
final class RecordingCompensator implements Compensator {

	private final List<String> calls = new CopyOnWriteArrayList<>();

	private final List<StepExecution> steps = new CopyOnWriteArrayList<>();

	private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();

	@Override
	public void compensate(SagaExecution saga, StepExecution step) throws Exception {
		this.calls.add(step.name());
		this.steps.add(step);
		AtomicInteger left = this.failuresLeft.get(step.name());
		if (left != null && left.getAndDecrement() > 0) {
			throw new IllegalStateException("cannot undo " + step.name());
		}
	}

	void failTimes(String step, int times) {
		this.failuresLeft.put(step, new AtomicInteger(times));
	}

	void succeedFromNowOn(String step) {
		this.failuresLeft.remove(step);
	}

	/**
	 * Return the names of the compensated steps, in the order compensations ran,
	 * including failed attempts.
	 */
	List<String> calls() {
		return this.calls;
	}

	List<StepExecution> steps() {
		return this.steps;
	}

}
