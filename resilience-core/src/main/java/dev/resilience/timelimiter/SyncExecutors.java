package dev.resilience.timelimiter;

import java.lang.reflect.Method;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * Creates the executors that run synchronous time-limited calls: a new virtual thread per
 * call where the JDK has them (21 and later, found by reflection since the code targets
 * 17), else a bounded pool of daemon threads.
 *
 * @author Resilience
 */
final class SyncExecutors {

	static final String THREAD_NAME_PREFIX = "resilience-timelimiter-";

	private static final long IDLE_SECONDS = 60;

	private SyncExecutors() {
	}

	/**
	 * Return the executor shared by time limiters that were not given one, created on
	 * first use and never shut down: its threads are virtual or daemon threads.
	 * @return the shared executor
	 */
	static ExecutorService shared() {
		return Shared.EXECUTOR;
	}

	/**
	 * Create a new executor: virtual threads where available, else
	 * {@link #boundedPool()}.
	 * @return a new executor, to shut down when no longer needed
	 */
	static ExecutorService create() {
		ExecutorService virtual = virtualThreads();
		return (virtual != null) ? virtual : boundedPool();
	}

	/**
	 * Create a pool for JDKs without virtual threads. Time-limited calls mostly wait on
	 * remote systems, so the pool has eight threads per processor, at least 16, and
	 * queues as many calls again; past that, a call is rejected at once. Idle threads end
	 * after a minute.
	 * @return a new pool
	 */
	static ThreadPoolExecutor boundedPool() {
		int threads = Math.max(16, Runtime.getRuntime().availableProcessors() * 8);
		return boundedPool(threads, threads);
	}

	static ThreadPoolExecutor boundedPool(int threads, int queueCapacity) {
		ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, IDLE_SECONDS, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(queueCapacity), new DaemonThreads());
		pool.allowCoreThreadTimeOut(true);
		return pool;
	}

	/**
	 * Create an executor that starts a named virtual thread per task, through the JDK 21
	 * API
	 * {@code Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(...).factory())}.
	 * @return the executor, or {@code null} if the JDK has no virtual threads
	 */
	static @Nullable ExecutorService virtualThreads() {
		try {
			Class<?> builderType = Class.forName("java.lang.Thread$Builder");
			Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
			builder = builderType.getMethod("name", String.class, long.class)
				.invoke(builder, THREAD_NAME_PREFIX + "virtual-", 0L);
			ThreadFactory factory = (ThreadFactory) builderType.getMethod("factory").invoke(builder);
			Method perTask = Executors.class.getMethod("newThreadPerTaskExecutor", ThreadFactory.class);
			return (ExecutorService) perTask.invoke(null, factory);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return null;
		}
	}

	private static final class DaemonThreads implements ThreadFactory {

		private final AtomicInteger count = new AtomicInteger();

		@Override
		public Thread newThread(Runnable task) {
			Thread thread = new Thread(task, THREAD_NAME_PREFIX + this.count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}

	}

	private static final class Shared {

		static final ExecutorService EXECUTOR = create();

	}

}
