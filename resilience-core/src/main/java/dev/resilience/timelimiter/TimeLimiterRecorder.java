package dev.resilience.timelimiter;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

import dev.resilience.core.EventBuffer;
import dev.resilience.core.ResilienceEvent;
import dev.resilience.core.TimeSource;

/**
 * Counts a time limiter's calls by outcome, in adders so that concurrent calls do not
 * contend, and records its time-outs as events.
 *
 * @author Resilience
 */
final class TimeLimiterRecorder implements TimeLimiterMetrics {

	private final LongAdder successfulCalls = new LongAdder();

	private final LongAdder failedCalls = new LongAdder();

	private final LongAdder timedOutCalls = new LongAdder();

	private final EventBuffer events = new EventBuffer();

	private final String name;

	private final Duration timeout;

	private final TimeSource timeSource;

	TimeLimiterRecorder(String name, Duration timeout, TimeSource timeSource) {
		this.name = name;
		this.timeout = timeout;
		this.timeSource = timeSource;
	}

	EventBuffer events() {
		return this.events;
	}

	void succeeded() {
		this.successfulCalls.increment();
	}

	void failed() {
		this.failedCalls.increment();
	}

	TimeLimitExceededException timedOut() {
		return timedOut(new TimeLimitExceededException(this.name, this.timeout));
	}

	TimeLimitExceededException timedOut(TimeLimitExceededException exception) {
		this.timedOutCalls.increment();
		this.events.add(new ResilienceEvent(this.timeSource.now(), TimeLimiterEventType.TIMEOUT.name(),
				String.valueOf(exception.getMessage()), null));
		return exception;
	}

	@Override
	public long successfulCalls() {
		return this.successfulCalls.sum();
	}

	@Override
	public long failedCalls() {
		return this.failedCalls.sum();
	}

	@Override
	public long timedOutCalls() {
		return this.timedOutCalls.sum();
	}

	@Override
	public String toString() {
		return "TimeLimiterMetrics[successfulCalls=" + successfulCalls() + ", failedCalls=" + failedCalls()
				+ ", timedOutCalls=" + timedOutCalls() + "]";
	}

}
