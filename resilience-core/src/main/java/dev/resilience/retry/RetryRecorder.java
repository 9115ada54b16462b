package dev.resilience.retry;

import java.util.concurrent.atomic.LongAdder;

import dev.resilience.core.EventBuffer;
import dev.resilience.core.ResilienceEvent;
import dev.resilience.core.TimeSource;
import org.jspecify.annotations.Nullable;

/**
 * Counts a retry's calls by outcome, in adders so that concurrent calls do not contend,
 * and records its events.
 *
 * @author Resilience
 */
final class RetryRecorder implements RetryMetrics {

	private final LongAdder successWithoutRetry = new LongAdder();

	private final LongAdder successWithRetry = new LongAdder();

	private final LongAdder failureWithRetry = new LongAdder();

	private final LongAdder failureWithoutRetry = new LongAdder();

	private final EventBuffer events = new EventBuffer();

	private final TimeSource timeSource;

	RetryRecorder(TimeSource timeSource) {
		this.timeSource = timeSource;
	}

	EventBuffer events() {
		return this.events;
	}

	void succeeded(int attempt) {
		if (attempt <= 1) {
			this.successWithoutRetry.increment();
			return;
		}
		this.successWithRetry.increment();
		record(RetryEventType.SUCCESS, "Succeeded on attempt " + attempt, null);
	}

	void retrying(String message, Throwable cause) {
		record(RetryEventType.RETRY, message, cause);
	}

	void failed(int attempt, RetryEventType type, String message, Throwable cause) {
		if (attempt <= 1) {
			this.failureWithoutRetry.increment();
		}
		else {
			this.failureWithRetry.increment();
		}
		record(type, message, cause);
	}

	private void record(RetryEventType type, String message, @Nullable Throwable error) {
		String described = (error != null) ? ResilienceEvent.describe(error) : null;
		this.events.add(new ResilienceEvent(this.timeSource.now(), type.name(), message, described));
	}

	@Override
	public long successWithoutRetry() {
		return this.successWithoutRetry.sum();
	}

	@Override
	public long successWithRetry() {
		return this.successWithRetry.sum();
	}

	@Override
	public long failureWithRetry() {
		return this.failureWithRetry.sum();
	}

	@Override
	public long failureWithoutRetry() {
		return this.failureWithoutRetry.sum();
	}

	@Override
	public String toString() {
		return "RetryMetrics[successWithoutRetry=" + successWithoutRetry() + ", successWithRetry=" + successWithRetry()
				+ ", failureWithRetry=" + failureWithRetry() + ", failureWithoutRetry=" + failureWithoutRetry() + "]";
	}

}
