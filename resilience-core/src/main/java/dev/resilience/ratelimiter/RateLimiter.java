package dev.resilience.ratelimiter;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import dev.resilience.core.CheckedFunction;
import dev.resilience.core.EventBuffer;
import dev.resilience.core.Scheduler;
import dev.resilience.core.Sleeper;
import dev.resilience.core.TimeSource;
import org.jspecify.annotations.Nullable;

/**
 * Admits at most {@code limit} calls per {@code period}, for the instance as a whole or
 * separately for each key, such as a user or a tenant.
 * <p>
 * Both {@link RateLimiterAlgorithm algorithms} hold their bound exactly, however many
 * threads ask; only waits are rounded up to the nanosecond. The sliding window logs up to
 * {@code limit} admission times per key (8 bytes each), so prefer the token bucket for
 * many keys with large limits.
 * <p>
 * Waiting is reservation-based: a caller that may wait is promised the next free permit
 * and told how long to wait for it, so callers queue in the order they asked and each
 * parks exactly as long as needed, without polling. {@link #reserve} exposes this to
 * callers that wait their own way; {@link #acquirePermission} and {@link #execute} wait
 * with the {@link Sleeper}; {@link #executeAsync} never blocks, it schedules the call on
 * the {@link Scheduler} instead.
 * <p>
 * Calls under {@link #DEFAULT_KEY} share one bucket. Any other key gets a bucket of its
 * own on its first call; keys are compared with {@code equals}. A bucket that has been
 * idle long enough to be full again is indistinguishable from a new one, so it is
 * dropped, by sweeps that run while new keys arrive. At most {@code maxKeys} keys have a
 * bucket at once: when a new key finds no room, idle buckets are dropped first (by a
 * sweep that runs at most once per {@code period}, or per second if the period is longer,
 * and never more than once per millisecond); if there is still no room, the call is
 * rejected and counted in {@link RateLimiterMetrics#keyCapRejections()}, with the time
 * until a live key's bucket may be idle as its {@code retryAfter}. A bucket in use is
 * never dropped, since that would let its key start over with a full bucket.
 * <p>
 * Thread-safe, without {@code synchronized}: a token bucket is one word updated by
 * compare-and-set when its interval is a whole number of quarter nanoseconds (1,000 per
 * second, 3 per second, not 7 per second); other token buckets and sliding windows have a
 * lock of their own, held only to compute a reservation. A call permitted under the
 * default key allocates nothing.
 * <p>
 * With a remote {@link RateLimiterConfig#backend() backend}, such as
 * {@link RateLimiterBackend#REDIS Redis}, the buckets live in a {@link PermitStore}
 * shared by every instance of the application, and the local buckets described above only
 * stand in when the store's failure handling falls back on them. A synchronous
 * reservation then waits for the store's answer, within the store's own time limit;
 * {@link #executeAsync} and {@link #reservePermissionAsync} ask it without blocking.
 *
 * @author Resilience
 * @since 0.1.0
 */
public final class RateLimiter {

	/**
	 * The key of the instance's own bucket, shared by every call made without a key.
	 */
	public static final Object DEFAULT_KEY = new Object() {

		@Override
		public String toString() {
			return "DEFAULT_KEY";
		}

	};

	/**
	 * What {@link #reserve} answers when no permit can be had in time.
	 */
	public static final long NO_PERMIT = -1;

	private final String name;

	private final RateLimiterConfig config;

	private final Sleeper sleeper;

	private final Scheduler scheduler;

	private final long timeoutNanos;

	private final KeyedBuckets keyed;

	private final PermitStore store;

	private final boolean remote;

	private final RateLimiterRecorder recorder;

	/**
	 * Create a rate limiter.
	 * @param name the instance name
	 * @param config its settings
	 * @param timeSource the clock that refills the buckets and stamps events
	 * @param sleeper how synchronous callers wait for their permit
	 * @param scheduler how asynchronous calls wait for their permit
	 */
	public RateLimiter(String name, RateLimiterConfig config, TimeSource timeSource, Sleeper sleeper,
			Scheduler scheduler) {
		this(name, config, timeSource, sleeper, scheduler, null);
	}

	/**
	 * Create a rate limiter whose buckets may live in a remote store.
	 * @param name the instance name
	 * @param config its settings
	 * @param timeSource the clock that refills the local buckets and stamps events
	 * @param sleeper how synchronous callers wait for their permit
	 * @param scheduler how asynchronous calls wait for their permit
	 * @param remoteStores creates the store of a remote backend; may be {@code null} when
	 * the backend is {@link RateLimiterBackend#LOCAL}
	 * @throws IllegalArgumentException if the backend is remote and no factory is given
	 */
	public RateLimiter(String name, RateLimiterConfig config, TimeSource timeSource, Sleeper sleeper,
			Scheduler scheduler, @Nullable PermitStoreFactory remoteStores) {
		this.name = Objects.requireNonNull(name, "name must not be null");
		this.config = Objects.requireNonNull(config, "config must not be null");
		Objects.requireNonNull(timeSource, "timeSource must not be null");
		this.sleeper = Objects.requireNonNull(sleeper, "sleeper must not be null");
		this.scheduler = Objects.requireNonNull(scheduler, "scheduler must not be null");
		this.timeoutNanos = Bucket.nanos(config.timeout());
		BucketFactory factory = BucketFactory.of(config);
		this.keyed = new KeyedBuckets(factory, timeSource, config.maxKeys(), Bucket.nanos(config.period()));
		PermitStore local = new LocalPermitStore(factory.create(timeSource.nanoTime()), this.keyed, timeSource);
		EventBuffer events = new EventBuffer();
		this.store = storeFor(name, config, local, events, timeSource, remoteStores);
		this.remote = this.store != local;
		this.recorder = new RateLimiterRecorder(this, timeSource, events, this.store, this.keyed);
	}

	private static PermitStore storeFor(String name, RateLimiterConfig config, PermitStore local, EventBuffer events,
			TimeSource timeSource, @Nullable PermitStoreFactory remoteStores) {
		if (config.backend() == RateLimiterBackend.LOCAL) {
			return local;
		}
		if (remoteStores == null) {
			throw new IllegalArgumentException("RateLimiter '" + name + "' has backend " + config.backend()
					+ ", but no PermitStoreFactory was given to create its store");
		}
		return Objects.requireNonNull(remoteStores.create(name, config, local, events, timeSource),
				"PermitStoreFactory returned null");
	}

	/**
	 * Create a rate limiter with the system clock, the thread's own sleep, and the common
	 * pool to run asynchronous calls after their wait.
	 * @param name the instance name
	 * @param config its settings
	 * @return the rate limiter
	 */
	public static RateLimiter of(String name, RateLimiterConfig config) {
		return new RateLimiter(name, config, TimeSource.system(), Sleeper.system(), Scheduler.commonPool());
	}

	/**
	 * Return the instance name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Return the settings.
	 * @return the config
	 */
	public RateLimiterConfig config() {
		return this.config;
	}

	/**
	 * Return whether the buckets live in a remote store rather than in this JVM.
	 * @return {@code true} if the backend is remote
	 */
	public boolean isRemote() {
		return this.remote;
	}

	/**
	 * Return whether the backend answers reservations itself. A remote backend is not
	 * available while its failure handling stands in for it; the local one always is.
	 * @return {@code true} if available
	 */
	public boolean isBackendAvailable() {
		return this.store.isAvailable();
	}

	/**
	 * Return the recent events: {@link RateLimiterEventType#REJECTED} and
	 * {@link RateLimiterEventType#KEY_CAP_REACHED}, each recorded at most once per second
	 * with the running count, so that a flood of rejections allocates nothing; and, with
	 * a remote backend, {@link RateLimiterEventType#BACKEND_DOWN} and
	 * {@link RateLimiterEventType#BACKEND_UP} whenever it stops or starts answering.
	 * @return the event buffer
	 */
	public EventBuffer events() {
		return this.recorder.events();
	}

	/**
	 * Return the live metrics.
	 * @return a view that always reads the current numbers
	 */
	public RateLimiterMetrics metrics() {
		return this.recorder;
	}

	/**
	 * Add a listener told the first time a call is rejected because the limiter tracks
	 * {@code maxKeys} keys and none is idle. It runs once, on the rejected caller's
	 * thread, and must be quick and must not throw; a listener added after that moment is
	 * not told. Later such rejections are counted in
	 * {@link RateLimiterMetrics#keyCapRejections()} and recorded as
	 * {@link RateLimiterEventType#KEY_CAP_REACHED} events.
	 * @param listener the listener
	 */
	public void addKeyCapListener(KeyCapListener listener) {
		this.recorder.addKeyCapListener(Objects.requireNonNull(listener, "listener must not be null"));
	}

	/**
	 * Take a permit now, or reserve the next free one if it comes within
	 * {@code maxWaitNanos}. A reserved permit is the caller's: later callers queue behind
	 * it, and the caller must wait the answered time before making its call.
	 * @param key the bucket's key, or {@link #DEFAULT_KEY}
	 * @param maxWaitNanos how long the caller may wait, not negative
	 * @return {@code 0} if the permit is taken now, the nanoseconds to wait for a
	 * reserved permit, or {@link #NO_PERMIT} ({@code -1}) if there is none within
	 * {@code maxWaitNanos}, in which case nothing is consumed
	 */
	public long reserve(Object key, long maxWaitNanos) {
		if (maxWaitNanos < 0) {
			throw new IllegalArgumentException("maxWaitNanos must not be negative, but was " + maxWaitNanos);
		}
		long result = tryReserve(key, maxWaitNanos);
		return (result >= 0) ? result : NO_PERMIT;
	}

	/**
	 * Take a permit now, or reserve the next free one if it comes within the configured
	 * timeout, for callers that wait their own way, such as a reactive operator.
	 * @param key the bucket's key, or {@link #DEFAULT_KEY}
	 * @return {@code 0} if the permit is taken now, or the nanoseconds to wait for a
	 * reserved permit
	 * @throws RateLimitExceededException if there is no permit within the timeout, or the
	 * key is new and cannot be tracked; nothing is consumed then
	 */
	public long reservePermission(Object key) {
		long result = tryReserve(key, this.timeoutNanos);
		if (result < 0) {
			throw this.recorder.rejection(result);
		}
		return result;
	}

	/**
	 * Take a permit now, or reserve the next free one if it comes within the configured
	 * timeout, without blocking: a remote backend is asked asynchronously.
	 * @param key the bucket's key, or {@link #DEFAULT_KEY}
	 * @return a future completed with {@code 0} if the permit is taken now or the
	 * nanoseconds to wait for a reserved permit, or failed with a
	 * {@link RateLimitExceededException} if there is none within the timeout
	 */
	public CompletableFuture<Long> reservePermissionAsync(Object key) {
		if (!this.remote) {
			try {
				return CompletableFuture.completedFuture(reservePermission(key));
			}
			catch (RuntimeException ex) {
				return CompletableFuture.failedFuture(ex);
			}
		}
		RemotePermit permit = new RemotePermit(this.recorder);
		try {
			this.store.reserveAsync(Objects.requireNonNull(key, "key must not be null"), this.timeoutNanos)
				.whenComplete(permit);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		return permit.future();
	}

	/**
	 * Take a permit, waiting for it on the calling thread if it comes within the
	 * configured timeout. If the thread is interrupted while it waits, the interrupt flag
	 * is restored and a {@link RateLimitExceededException} thrown; the reserved permit is
	 * spent.
	 * @param key the bucket's key, or {@link #DEFAULT_KEY}
	 * @throws RateLimitExceededException if there is no permit within the timeout, the
	 * key is new and cannot be tracked, or the wait is interrupted
	 */
	public void acquirePermission(Object key) {
		long waitNanos = reservePermission(key);
		if (waitNanos > 0) {
			try {
				this.sleeper.sleep(waitNanos);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw RateLimitExceededException.interrupted(this.name, Duration.ofNanos(waitNanos));
			}
		}
	}

	/**
	 * Make a call once a permit is taken, waiting for it on the calling thread as
	 * {@link #acquirePermission} does.
	 * @param <C> the context type
	 * @param <R> the result type
	 * @param key the bucket's key, or {@link #DEFAULT_KEY}
	 * @param context what the call needs, passed to it
	 * @param call the call
	 * @return the call's result
	 * @throws RateLimitExceededException if no permit is taken; the call is not made
	 * @throws Throwable whatever the call throws
	 */
	public <C, R> @Nullable R execute(Object key, C context, CheckedFunction<C, R> call) throws Throwable {
		acquirePermission(key);
		return call.apply(context);
	}

	/**
	 * Start an asynchronous call once a permit is taken. Never blocks and never throws:
	 * when the permit is reserved ahead, the call is scheduled to start after the wait; a
	 * rejection, or an exception thrown by the call itself, comes back as a failed
	 * future. Cancelling the future while the call waits for its permit means it never
	 * starts; the permit is spent. A remote backend is asked asynchronously, and the call
	 * starts on the thread that completes its answer.
	 * @param <C> the context type
	 * @param <R> the result type
	 * @param key the bucket's key, or {@link #DEFAULT_KEY}
	 * @param context what the call needs, passed to it
	 * @param call the call, returning the stage of its result
	 * @return a future completed like the call's stage
	 */
	public <C, R> CompletableFuture<R> executeAsync(Object key, C context,
			CheckedFunction<C, ? extends CompletionStage<R>> call) {
		PermittedCall<C, R> permitted = new PermittedCall<>(context, call);
		reservePermissionAsync(key).whenComplete((waitNanos, failure) -> {
			if (failure != null) {
				permitted.result().completeExceptionally(failure);
			}
			else {
				permitted.startAfter(waitNanos, this.scheduler);
			}
		});
		return permitted.result();
	}

	private long tryReserve(Object key, long maxWaitNanos) {
		return this.recorder.record(this.store.reserve(key, maxWaitNanos));
	}

	/**
	 * Return the keyed buckets, for tests.
	 * @return the keyed buckets
	 */
	KeyedBuckets keyedBuckets() {
		return this.keyed;
	}

	@Override
	public String toString() {
		return "RateLimiter '" + this.name + "'";
	}

}
