package dev.resilience.ratelimiter;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import dev.resilience.core.TimeSource;
import org.jspecify.annotations.Nullable;

/**
 * The buckets of the keys in use, at most {@code maxKeys} of them.
 * <p>
 * A bucket that has been idle long enough to be full again is indistinguishable from a
 * new one, so sweeps drop it: a sweep retires each idle bucket under its lock and removes
 * it, and a caller that finds its bucket retired looks the key up again. Sweeps run on
 * the path that creates buckets, never on the path of a known key: every time the number
 * of buckets created since the last sweep reaches the number left by it (at least
 * {@value #MIN_SWEEP_BATCH}), which costs a constant amount of work per key created; and
 * when the cap is reached, at most once per {@link #capSweepIntervalNanos}, before a new
 * key is rejected. A bucket that is not idle is never dropped, since that would hand its
 * key a full bucket again.
 * <p>
 * A new key rejected at the cap is told when room may come: not before the next cap
 * sweep, nor before the earliest time at which a live bucket may be idle. Sweeps note
 * that time for the buckets they keep, and new buckets for themselves, on the paths that
 * already pay for a sweep or a creation. It is a lower bound, since a bucket used again
 * is idle later.
 * <p>
 * A permit is dated by a clock read made once its bucket is in the map, never before: a
 * caller that read the clock earlier and stalled could otherwise date a permit of a new
 * bucket before the last permits of the one a sweep dropped for the same key, and so
 * exceed the limit. Read after, the date is no earlier than the time at which the sweep
 * found the dropped bucket idle.
 *
 * @author Resilience
 */
final class KeyedBuckets {

	/**
	 * Answer of {@link #reserve} when the key is new and there is no room for it.
	 */
	static final long KEY_CAP_REACHED = Long.MIN_VALUE;

	static final int MIN_SWEEP_BATCH = 1024;

	private static final long MIN_CAP_SWEEP_INTERVAL = TimeUnit.MILLISECONDS.toNanos(1);

	private static final long MAX_CAP_SWEEP_INTERVAL = TimeUnit.SECONDS.toNanos(1);

	/**
	 * No bucket to tell of, in {@link #keptIdleAt} and {@link #createdIdleAt}.
	 */
	private static final long NO_BUCKET = Long.MAX_VALUE;

	private final ConcurrentHashMap<Object, Bucket> buckets = new ConcurrentHashMap<>();

	private final AtomicInteger live = new AtomicInteger();

	private final AtomicInteger createdSinceSweep = new AtomicInteger();

	private final ReentrantLock sweepLock = new ReentrantLock();

	private final BucketFactory factory;

	private final TimeSource clock;

	private final int maxKeys;

	private final long capSweepIntervalNanos;

	/**
	 * Clock reading that the idle times below count from, so that they never wrap.
	 */
	private final long origin;

	/**
	 * Earliest time at which a bucket kept by the last sweep may be idle, counted from
	 * {@link #origin} like the next one.
	 */
	private volatile long keptIdleAt = NO_BUCKET;

	/**
	 * Earliest time at which a bucket created since the last sweep began may be idle.
	 */
	private final AtomicLong createdIdleAt = new AtomicLong(NO_BUCKET);

	private volatile int sweepBatch = MIN_SWEEP_BATCH;

	private volatile long nextCapSweepNanos;

	KeyedBuckets(BucketFactory factory, TimeSource clock, int maxKeys, long periodNanos) {
		this.factory = factory;
		this.clock = clock;
		this.maxKeys = maxKeys;
		this.capSweepIntervalNanos = Math.min(Math.max(periodNanos, MIN_CAP_SWEEP_INTERVAL), MAX_CAP_SWEEP_INTERVAL);
		this.origin = clock.nanoTime();
		this.nextCapSweepNanos = this.origin;
	}

	/**
	 * Grant or refuse a permit of the given key, creating its bucket if there is room.
	 * @param key the key
	 * @param maxWaitNanos how long the caller may wait
	 * @return the wait, {@link Bucket#rejected(long)} of the wait it would need, or
	 * {@link #KEY_CAP_REACHED}
	 */
	long reserve(Object key, long maxWaitNanos) {
		boolean created = false;
		for (;;) {
			Bucket bucket = this.buckets.get(key);
			if (bucket == null) {
				bucket = create(key);
				if (bucket == null) {
					return KEY_CAP_REACHED;
				}
				created = true;
			}
			// read once the bucket is in the map: see the class description
			long now = this.clock.nanoTime();
			long result = bucket.tryReserve(now, maxWaitNanos);
			if (result != Bucket.RETIRED) {
				if (created) {
					noteIdleAt(sinceOrigin(now) + bucket.nanosUntilIdle(now));
					sweepIfDue(now);
				}
				return result;
			}
			remove(key, bucket);
		}
	}

	/**
	 * Put a full bucket in the map for the given key, if there is room.
	 * @param key the key
	 * @return the key's bucket, possibly created by another caller at the same time, or
	 * {@code null} if there is no room
	 */
	private @Nullable Bucket create(Object key) {
		long now = this.clock.nanoTime();
		if (!claimRoom(now)) {
			return null;
		}
		Bucket created = this.factory.create(now);
		Bucket existing = this.buckets.putIfAbsent(key, created);
		if (existing != null) {
			this.live.decrementAndGet();
			return existing;
		}
		this.createdSinceSweep.incrementAndGet();
		return created;
	}

	/**
	 * Return how many keys have a bucket.
	 * @return the number of live buckets
	 */
	int liveKeys() {
		return this.live.get();
	}

	/**
	 * Return the number of buckets in the map, which {@link #liveKeys()} never
	 * undercounts.
	 * @return the map size
	 */
	int mappedKeys() {
		return this.buckets.size();
	}

	/**
	 * Return how long a new key rejected at the cap should wait before it asks again:
	 * until a sweep may run and find a bucket to drop.
	 * @param now the current time
	 * @return the time until both the next cap sweep and the earliest time at which a
	 * live bucket may be idle, not negative
	 */
	long nanosUntilRoom(long now) {
		long wait = this.nextCapSweepNanos - now;
		long idleAt = Math.min(this.keptIdleAt, this.createdIdleAt.get());
		if (idleAt != NO_BUCKET) {
			wait = Math.max(wait, idleAt - sinceOrigin(now));
		}
		return Math.max(wait, 0);
	}

	private boolean claimRoom(long now) {
		if (tryClaim()) {
			return true;
		}
		if (now - this.nextCapSweepNanos < 0) {
			return false;
		}
		this.sweepLock.lock();
		try {
			if (this.live.get() >= this.maxKeys && now - this.nextCapSweepNanos >= 0) {
				sweep(now);
				this.nextCapSweepNanos = now + this.capSweepIntervalNanos;
			}
		}
		finally {
			this.sweepLock.unlock();
		}
		return tryClaim();
	}

	private boolean tryClaim() {
		int current;
		do {
			current = this.live.get();
			if (current >= this.maxKeys) {
				return false;
			}
		}
		while (!this.live.compareAndSet(current, current + 1));
		return true;
	}

	private void sweepIfDue(long now) {
		if (this.createdSinceSweep.get() < this.sweepBatch || !this.sweepLock.tryLock()) {
			return;
		}
		try {
			sweep(now);
		}
		finally {
			this.sweepLock.unlock();
		}
	}

	/**
	 * Drop every bucket idle at the given time, and note when the earliest of the others
	 * may be. Called with the sweep lock held.
	 */
	private void sweep(long now) {
		// buckets created from here on note their own idle time, older ones are seen
		// below
		this.keptIdleAt = Math.min(this.keptIdleAt, this.createdIdleAt.get());
		this.createdIdleAt.set(NO_BUCKET);
		long earliestIdleAt = NO_BUCKET;
		for (Map.Entry<Object, Bucket> entry : this.buckets.entrySet()) {
			Bucket bucket = entry.getValue();
			if (bucket.retireIfIdle(now)) {
				remove(entry.getKey(), bucket);
			}
			else {
				earliestIdleAt = Math.min(earliestIdleAt, sinceOrigin(now) + bucket.nanosUntilIdle(now));
			}
		}
		this.keptIdleAt = earliestIdleAt;
		this.createdSinceSweep.set(0);
		this.sweepBatch = Math.max(MIN_SWEEP_BATCH, this.live.get());
	}

	/**
	 * Note the idle time of a bucket just created.
	 */
	private void noteIdleAt(long idleAt) {
		// most new buckets are idle later than an older one: no write then
		if (idleAt < this.createdIdleAt.get()) {
			this.createdIdleAt.accumulateAndGet(idleAt, Math::min);
		}
	}

	private long sinceOrigin(long now) {
		return now - this.origin;
	}

	private void remove(Object key, Bucket bucket) {
		if (this.buckets.remove(key, bucket)) {
			this.live.decrementAndGet();
		}
	}

}
