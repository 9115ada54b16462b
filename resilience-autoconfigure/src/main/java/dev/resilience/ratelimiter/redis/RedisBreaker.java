package dev.resilience.ratelimiter.redis;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import dev.resilience.core.internal.Durations;
import dev.resilience.core.EventBuffer;
import dev.resilience.core.ResilienceEvent;
import dev.resilience.core.TimeSource;
import dev.resilience.ratelimiter.RateLimiterEventType;
import dev.resilience.ratelimiter.RedisFailureMode;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Whether one rate limiter asks Redis or lets its failure mode answer. It opens on the
 * first call that Redis fails to answer in time, so that no later caller pays the command
 * timeout while Redis is down; from then on a probe asks Redis once per probe interval,
 * on the probe thread and never on a caller's, and the first answer closes it again. Each
 * switch is recorded as an event of the rate limiter and logged.
 *
 * @author Resilience
 */
final class RedisBreaker {

	private static final Log logger = LogFactory.getLog(RedisPermitStoreFactory.class);

	private final AtomicBoolean up = new AtomicBoolean(true);

	private final String name;

	private final RedisFailureMode failureMode;

	private final long probeIntervalNanos;

	private final ScheduledExecutorService probes;

	private final Supplier<CompletionStage<?>> probe;

	private final EventBuffer events;

	private final TimeSource clock;

	private volatile long downSince;

	private volatile long nextProbe;

	RedisBreaker(String name, RedisFailureMode failureMode, Duration probeInterval, ScheduledExecutorService probes,
			Supplier<CompletionStage<?>> probe, EventBuffer events, TimeSource clock) {
		this.name = name;
		this.failureMode = failureMode;
		this.probeIntervalNanos = probeInterval.toNanos();
		this.probes = probes;
		this.probe = probe;
		this.events = events;
		this.clock = clock;
	}

	boolean isUp() {
		return this.up.get();
	}

	/**
	 * Open the breaker, unless it is open already.
	 * @param reason why Redis is taken to be down
	 * @param failure the error involved, if any
	 */
	void down(String reason, @Nullable Throwable failure) {
		if (!this.up.get() || !this.up.compareAndSet(true, false)) {
			return;
		}
		this.downSince = this.clock.nanoTime();
		String message = "Redis is unavailable (" + reason + "); " + fallback() + " until it answers again"
				+ " (redis-failure-mode " + this.failureMode.name().toLowerCase(Locale.ROOT) + "), probing every "
				+ Durations.describe(Duration.ofNanos(this.probeIntervalNanos));
		record(RateLimiterEventType.BACKEND_DOWN, message, failure);
		if (logger.isWarnEnabled()) {
			logger.warn("RateLimiter '" + this.name + "': " + message, failure);
		}
		scheduleProbe();
	}

	/**
	 * Return how long until the next probe.
	 * @return the nanoseconds until Redis is asked again, not negative
	 */
	long nanosUntilProbe() {
		return Math.max(this.nextProbe - this.clock.nanoTime(), 0);
	}

	private void recovered() {
		if (this.up.get() || !this.up.compareAndSet(false, true)) {
			return;
		}
		Duration down = Duration.ofNanos(this.clock.nanoTime() - this.downSince);
		String message = "Redis answers again after " + down + "; the cluster-wide limit applies again";
		record(RateLimiterEventType.BACKEND_UP, message, null);
		if (logger.isInfoEnabled()) {
			logger.info("RateLimiter '" + this.name + "': " + message);
		}
	}

	private void scheduleProbe() {
		this.nextProbe = this.clock.nanoTime() + this.probeIntervalNanos;
		try {
			this.probes.schedule(this::probe, this.probeIntervalNanos, TimeUnit.NANOSECONDS);
		}
		catch (RejectedExecutionException ex) {
			// the backend is closed: nothing to come back to
		}
	}

	private void probe() {
		CompletionStage<?> answer;
		try {
			answer = this.probe.get();
		}
		catch (RuntimeException ex) {
			probeFailed(ex);
			return;
		}
		answer.whenComplete((reply, failure) -> {
			if (failure == null) {
				recovered();
			}
			else {
				probeFailed(failure);
			}
		});
	}

	private void probeFailed(Throwable failure) {
		if (logger.isDebugEnabled()) {
			logger.debug("RateLimiter '" + this.name + "': Redis is still unavailable", failure);
		}
		scheduleProbe();
	}

	private String fallback() {
		return switch (this.failureMode) {
			case LOCAL -> "calls take permits from a local rate limiter with the same settings";
			case ALLOW -> "every call is admitted";
			case DENY -> "every call is rejected";
		};
	}

	private void record(RateLimiterEventType type, String message, @Nullable Throwable failure) {
		this.events.add(new ResilienceEvent(this.clock.now(), type.name(), message,
				(failure != null) ? ResilienceEvent.describe(failure) : null));
	}

	@Override
	public String toString() {
		return "RedisBreaker[" + this.name + ", " + (isUp() ? "UP" : "DOWN") + "]";
	}

}
