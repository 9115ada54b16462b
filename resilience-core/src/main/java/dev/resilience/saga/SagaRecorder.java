package dev.resilience.saga;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import dev.resilience.core.EventBuffer;
import dev.resilience.core.ResilienceEvent;
import dev.resilience.core.TimeSource;
import org.jspecify.annotations.Nullable;

/**
 * Counts one saga's executions by outcome and records its events.
 *
 * @author Resilience
 */
final class SagaRecorder implements SagaMetrics {

	private final LongAdder completed = new LongAdder();

	private final LongAdder compensated = new LongAdder();

	private final LongAdder failed = new LongAdder();

	private final AtomicInteger active = new AtomicInteger();

	private final EventBuffer events = new EventBuffer();

	private final TimeSource timeSource;

	SagaRecorder(TimeSource timeSource) {
		this.timeSource = timeSource;
	}

	EventBuffer events() {
		return this.events;
	}

	void onStarted() {
		this.active.incrementAndGet();
	}

	void onEnded() {
		this.active.decrementAndGet();
	}

	void onCompleted() {
		this.completed.increment();
	}

	void onCompensated(String message) {
		this.compensated.increment();
		record(SagaEventType.COMPENSATED, message, null);
	}

	void onFailed(String message, @Nullable Throwable error) {
		this.failed.increment();
		record(SagaEventType.FAILED, message, error);
	}

	void record(SagaEventType type, String message, @Nullable Throwable error) {
		String described = (error != null) ? ResilienceEvent.describe(error) : null;
		this.events.add(new ResilienceEvent(this.timeSource.now(), type.name(), message, described));
	}

	@Override
	public long completed() {
		return this.completed.sum();
	}

	@Override
	public long compensated() {
		return this.compensated.sum();
	}

	@Override
	public long failed() {
		return this.failed.sum();
	}

	@Override
	public int active() {
		return this.active.get();
	}

	@Override
	public String toString() {
		return "SagaMetrics[completed=" + completed() + ", compensated=" + compensated() + ", failed=" + failed()
				+ ", active=" + active() + "]";
	}

}
