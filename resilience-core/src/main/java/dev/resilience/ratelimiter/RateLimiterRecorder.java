package dev.resilience.ratelimiter;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import dev.resilience.core.internal.Durations;
import dev.resilience.core.EventBuffer;
import dev.resilience.core.ResilienceEvent;
import dev.resilience.core.TimeSource;

/**
 * Counts a rate limiter's permits and rejections, in adders so that concurrent calls do
 * not contend, and records its events. Rejections come in floods, so each kind of event
 * is recorded at most once per second: a rejection allocates nothing otherwise.
 *
 * @author Resilience
 */
final class RateLimiterRecorder implements RateLimiterMetrics {

	private static final long EVENT_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

	private final LongAdder permitted = new LongAdder();

	private final LongAdder rejected = new LongAdder();

	private final LongAdder keyCapRejections = new LongAdder();

	private final AtomicLong nextRejectedEvent;

	private final AtomicLong nextKeyCapEvent;

	private final AtomicBoolean keyCapReached = new AtomicBoolean();

	private final List<KeyCapListener> keyCapListeners = new CopyOnWriteArrayList<>();

	private final EventBuffer events;

	private final TimeSource clock;

	private final PermitStore store;

	private final KeyedBuckets keyed;

	// the limiter whose answers are counted, told to key cap listeners; only stored here
	private final RateLimiter limiter;

	RateLimiterRecorder(RateLimiter limiter, TimeSource clock, EventBuffer events, PermitStore store,
			KeyedBuckets keyed) {
		this.limiter = limiter;
		this.clock = clock;
		this.events = events;
		this.store = store;
		this.keyed = keyed;
		long now = clock.nanoTime();
		this.nextRejectedEvent = new AtomicLong(now);
		this.nextKeyCapEvent = new AtomicLong(now);
	}

	EventBuffer events() {
		return this.events;
	}

	/**
	 * Count a store's answer and pass it on.
	 * @param result the store's answer: a wait, a refusal, or
	 * {@link KeyedBuckets#KEY_CAP_REACHED}
	 * @return the answer
	 */
	long record(long result) {
		if (result >= 0) {
			permitted();
		}
		else if (result == KeyedBuckets.KEY_CAP_REACHED) {
			keyCapReached();
		}
		else {
			rejected(Bucket.waitOf(result));
		}
		return result;
	}

	/**
	 * Return the exception for a refusal.
	 * @param result the store's negative answer
	 * @return the exception
	 */
	RateLimitExceededException rejection(long result) {
		if (result == KeyedBuckets.KEY_CAP_REACHED) {
			Duration retryAfter = Duration.ofNanos(this.keyed.nanosUntilRoom(this.clock.nanoTime()));
			return RateLimitExceededException.keyCapReached(this.limiter.name(), this.limiter.config().maxKeys(),
					retryAfter);
		}
		return new RateLimitExceededException(this.limiter.name(), Duration.ofNanos(Bucket.waitOf(result)));
	}

	void permitted() {
		this.permitted.increment();
	}

	/**
	 * Count a call whose bucket had no permit within its timeout.
	 * @param waitNanos the wait the permit would have needed
	 */
	void rejected(long waitNanos) {
		this.rejected.increment();
		if (isDue(this.nextRejectedEvent)) {
			record(RateLimiterEventType.REJECTED,
					"Rejected a call: the next permit is available in "
							+ Durations.describe(Duration.ofNanos(waitNanos)) + "; " + this.rejected.sum()
							+ " rejected in total");
		}
	}

	void addKeyCapListener(KeyCapListener listener) {
		this.keyCapListeners.add(listener);
	}

	/**
	 * Count a call whose key could not be tracked, and tell the listeners the first time.
	 */
	void keyCapReached() {
		this.rejected.increment();
		this.keyCapRejections.increment();
		if (isDue(this.nextKeyCapEvent)) {
			record(RateLimiterEventType.KEY_CAP_REACHED,
					"Rejected a call with a new key: " + this.limiter.config().maxKeys()
							+ " keys are tracked and none is idle; " + this.keyCapRejections.sum()
							+ " such calls in total");
		}
		if (!this.keyCapReached.get() && this.keyCapReached.compareAndSet(false, true)) {
			for (KeyCapListener listener : this.keyCapListeners) {
				listener.onKeyCapReached(this.limiter);
			}
		}
	}

	private boolean isDue(AtomicLong next) {
		long now = this.clock.nanoTime();
		long due = next.get();
		return now - due >= 0 && next.compareAndSet(due, now + EVENT_INTERVAL_NANOS);
	}

	private void record(RateLimiterEventType type, String message) {
		this.events.add(new ResilienceEvent(this.clock.now(), type.name(), message, null));
	}

	@Override
	public long permittedCalls() {
		return this.permitted.sum();
	}

	@Override
	public long rejectedCalls() {
		return this.rejected.sum();
	}

	@Override
	public long availablePermits() {
		return this.store.availablePermits();
	}

	@Override
	public int liveKeys() {
		return this.keyed.liveKeys();
	}

	@Override
	public long keyCapRejections() {
		return this.keyCapRejections.sum();
	}

	@Override
	public String toString() {
		return "RateLimiterMetrics[permittedCalls=" + permittedCalls() + ", rejectedCalls=" + rejectedCalls()
				+ ", availablePermits=" + availablePermits() + ", liveKeys=" + liveKeys() + ", keyCapRejections="
				+ keyCapRejections() + "]";
	}

}
