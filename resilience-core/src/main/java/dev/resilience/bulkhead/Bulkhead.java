package dev.resilience.bulkhead;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import dev.resilience.core.CheckedFunction;
import dev.resilience.core.internal.LinkedFuture;
import dev.resilience.core.EventBuffer;
import dev.resilience.core.Scheduler;
import dev.resilience.core.TimeSource;
import org.jspecify.annotations.Nullable;

/**
 * Lets at most {@code maxConcurrentCalls} calls in at once; others queue for a slot, for
 * at most {@code maxWaitDuration}, or are rejected at once when that is zero.
 * <p>
 * The queue is strictly first in, first out: a slot given back while anyone waits goes
 * straight to the oldest waiter, synchronous or asynchronous, and a newcomer finding a
 * free slot takes it only while nobody waits. A caller that waits in vain gets a
 * {@link BulkheadFullException} and leaves the queue.
 * <p>
 * A synchronous caller parks its thread ({@code LockSupport}, no {@code synchronized}, so
 * a virtual thread unmounts while it waits). The wait is measured on the
 * {@link TimeSource} and the thread rechecks it each time it wakes. If the thread is
 * interrupted while it waits, it leaves the queue, its interrupt flag is restored and a
 * {@link BulkheadFullException} is thrown; if a slot was handed to it at that very
 * moment, it keeps the slot and returns normally, with its interrupt flag set.
 * <p>
 * An asynchronous caller never blocks a thread: it gets a future that completes when a
 * slot is handed to it, or fails when its timeout, scheduled on the {@link Scheduler},
 * fires first. A call that had to wait starts on the thread that gave the slot back.
 * {@link #executeAsync} holds its slot until the stage returned by the call completes.
 * <p>
 * Every call that gets a slot must give it back exactly once; {@link #execute} and
 * {@link #executeAsync} do so. Taking and giving back a free slot while nobody waits
 * allocates nothing and takes no lock. Rejections are counted, and recorded as a
 * {@link BulkheadEventType#CALL_REJECTED} event at most once per second.
 *
 * @author Resilience
 * @since 0.1.0
 */
public final class Bulkhead {

	private final String name;

	private final BulkheadConfig config;

	private final TimeSource timeSource;

	private final Scheduler scheduler;

	private final long maxWaitNanos;

	private final Slots slots;

	private final BulkheadRecorder recorder;

	/**
	 * Create a bulkhead.
	 * @param name the instance name
	 * @param config the configuration
	 * @param timeSource measures how long synchronous callers wait, paces and stamps
	 * events
	 * @param scheduler runs the timeouts of asynchronous callers
	 */
	public Bulkhead(String name, BulkheadConfig config, TimeSource timeSource, Scheduler scheduler) {
		this.name = Objects.requireNonNull(name, "name must not be null");
		this.config = Objects.requireNonNull(config, "config must not be null");
		this.timeSource = Objects.requireNonNull(timeSource, "timeSource must not be null");
		this.scheduler = Objects.requireNonNull(scheduler, "scheduler must not be null");
		this.maxWaitNanos = saturatedNanos(config.maxWaitDuration());
		this.slots = new Slots(config.maxConcurrentCalls());
		this.recorder = new BulkheadRecorder(name, config, this.slots, timeSource);
	}

	/**
	 * Create a bulkhead with the system clock, timing asynchronous waits with
	 * {@link Scheduler#commonPool()}.
	 * @param name the instance name
	 * @param config the configuration
	 * @return the bulkhead
	 */
	public static Bulkhead of(String name, BulkheadConfig config) {
		return new Bulkhead(name, config, TimeSource.system(), Scheduler.commonPool());
	}

	/**
	 * Return the instance name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Return the configuration.
	 * @return the configuration
	 */
	public BulkheadConfig config() {
		return this.config;
	}

	/**
	 * Return the recent events: {@link BulkheadEventType#CALL_REJECTED}, at most one per
	 * second, each counting the rejections since the previous one.
	 * @return the event buffer
	 */
	public EventBuffer events() {
		return this.recorder.events();
	}

	/**
	 * Return the live metrics.
	 * @return a view that always reads the current numbers
	 */
	public BulkheadMetrics metrics() {
		return this.recorder;
	}

	/**
	 * Take a slot if one is free and nobody waits for one, without waiting. A refusal is
	 * counted as a rejection.
	 * @return whether a slot was taken
	 */
	public boolean tryAcquirePermission() {
		if (this.slots.tryTake()) {
			this.recorder.permitted();
			return true;
		}
		this.recorder.rejectedAtOnce();
		return false;
	}

	/**
	 * Take a slot, queueing for up to {@code maxWaitDuration} if none is free.
	 * @throws BulkheadFullException if no slot was handed over in time, or the thread was
	 * interrupted while waiting (its interrupt flag is then set)
	 */
	public void acquirePermission() {
		if (this.slots.tryTake()) {
			this.recorder.permitted();
			return;
		}
		if (this.maxWaitNanos == 0) {
			throw this.recorder.full();
		}
		await();
	}

	private void await() {
		ThreadWaiter waiter = new ThreadWaiter();
		if (!this.slots.takeOrEnqueue(waiter)) {
			boolean interrupted = waiter.park(this.timeSource, this.maxWaitNanos, this);
			if (!waiter.isGranted() && this.slots.cancel(waiter)) {
				if (interrupted) {
					Thread.currentThread().interrupt();
					throw this.recorder.interrupted();
				}
				throw this.recorder.timedOut();
			}
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
		this.recorder.permitted();
	}

	/**
	 * Take a slot without blocking the calling thread. The future completes at once when
	 * a slot is free and nobody waits; otherwise the caller joins the queue and the
	 * future completes when a slot is handed to it, or fails with a
	 * {@link BulkheadFullException} after {@code maxWaitDuration} (at once when that is
	 * zero). Cancelling the future while queued gives up the place in the queue. The
	 * future's dependents run on the thread that completes it: the caller's, the one that
	 * gave the slot back, or the scheduler's.
	 * @return a future completed once the caller holds a slot, which it must give back
	 * with {@link #releasePermission()}
	 */
	public CompletableFuture<Void> acquirePermissionAsync() {
		if (this.slots.tryTake()) {
			this.recorder.permitted();
			return CompletableFuture.completedFuture(null);
		}
		if (this.maxWaitNanos == 0) {
			return CompletableFuture.failedFuture(this.recorder.full());
		}
		AsyncWaiter waiter = new AsyncWaiter(this.slots, this.recorder);
		if (this.slots.takeOrEnqueue(waiter)) {
			this.recorder.permitted();
			waiter.future().complete(null);
		}
		else {
			scheduleTimeout(waiter);
		}
		return waiter.future();
	}

	private void scheduleTimeout(AsyncWaiter waiter) {
		try {
			this.scheduler.schedule(waiter, this.maxWaitNanos);
		}
		catch (RuntimeException ex) {
			if (this.slots.cancel(waiter)) {
				waiter.future().completeExceptionally(ex);
			}
		}
	}

	/**
	 * Give a slot back: to the oldest waiter if anyone waits, else to the free slots.
	 * @throws IllegalStateException if every slot is already free, a sign of a slot given
	 * back twice
	 */
	public void releasePermission() {
		this.slots.release();
	}

	/**
	 * Run a call in a slot, waiting for one as {@link #acquirePermission()} does, and
	 * give the slot back when the call returns or throws.
	 * @param <C> the context type
	 * @param <R> the result type
	 * @param context what the call needs, passed to it
	 * @param call the call
	 * @return the call's result
	 * @throws BulkheadFullException if no slot was handed over in time
	 * @throws Throwable whatever the call throws
	 */
	public <C, R> @Nullable R execute(C context, CheckedFunction<C, R> call) throws Throwable {
		acquirePermission();
		try {
			return call.apply(context);
		}
		finally {
			releasePermission();
		}
	}

	/**
	 * Run an asynchronous call in a slot, waiting for one as
	 * {@link #acquirePermissionAsync()} does, and give the slot back when the stage it
	 * returns completes, not when it returns. Never throws: a rejection, or an exception
	 * thrown by the call itself, comes back as a failed future. Cancelling the future
	 * while the call waits for a slot gives up its place; once started, the call is not
	 * cancelled with it.
	 * @param <C> the context type
	 * @param <R> the result type
	 * @param context what the call needs, passed to it
	 * @param call the call, returning the stage of its result
	 * @return a future completed like the call's stage, after its slot is given back
	 */
	public <C, R> CompletableFuture<R> executeAsync(C context, CheckedFunction<C, ? extends CompletionStage<R>> call) {
		if (this.slots.tryTake()) {
			this.recorder.permitted();
			LinkedFuture<R> result = new LinkedFuture<>();
			AsyncCall.start(this.slots, context, call, result);
			return result;
		}
		if (this.maxWaitNanos == 0) {
			return CompletableFuture.failedFuture(this.recorder.full());
		}
		LinkedFuture<R> result = new LinkedFuture<>();
		CompletableFuture<Void> permission = acquirePermissionAsync();
		permission.whenComplete((ignored, rejection) -> {
			if (rejection != null) {
				result.completeExceptionally(rejection);
			}
			else if (result.isDone()) {
				// cancelled by the caller just as the slot was handed over
				releasePermission();
			}
			else {
				AsyncCall.start(this.slots, context, call, result);
			}
		});
		if (!permission.isDone()) {
			result.whenComplete((value, error) -> permission.cancel(false));
		}
		return result;
	}

	private static long saturatedNanos(Duration duration) {
		try {
			return duration.toNanos();
		}
		catch (ArithmeticException ex) {
			return Long.MAX_VALUE;
		}
	}

	@Override
	public String toString() {
		return "Bulkhead '" + this.name + "' (" + this.slots.held() + " of " + this.config.maxConcurrentCalls()
				+ " slots in use, " + this.slots.queued() + " queued)";
	}

}
