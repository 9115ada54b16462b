package dev.resilience.testsupport;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs a task on many threads released at once, failing the test if any thread fails.
 *
 * @author Resilience
 */
public final class Concurrently {

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

	private static final Duration FINISH_TIMEOUT = Duration.ofSeconds(60);

	private final int threads;

	private final Supplier<ExecutorService> executors;

	private Concurrently(int threads, Supplier<ExecutorService> executors) {
		if (threads < 1) {
			throw new IllegalArgumentException("threads must be at least 1, but was " + threads);
		}
		this.threads = threads;
		this.executors = executors;
	}

	/**
	 * Run the task on the given number of platform threads released at once.
	 * @param <T> the type of result
	 * @param threads how many threads
	 * @param task what each thread runs
	 * @return what each thread returned, in the order of the threads
	 * @throws InterruptedException if the test's thread is interrupted while waiting
	 */
	public static <T extends @Nullable Object> List<T> runTogether(int threads, Task<T> task)
			throws InterruptedException {
		return onPlatformThreads(threads).runTogether(task);
	}

	/**
	 * Run the task on the given number of platform threads released at once, passing each
	 * its number.
	 * @param <T> the type of result
	 * @param threads how many threads
	 * @param task what each thread runs
	 * @return what each thread returned, in the order of the threads
	 * @throws InterruptedException if the test's thread is interrupted while waiting
	 */
	public static <T extends @Nullable Object> List<T> runTogether(int threads, NumberedTask<T> task)
			throws InterruptedException {
		return onPlatformThreads(threads).runTogether(task);
	}

	/**
	 * Run tasks on platform threads, one per task.
	 * @param threads how many threads
	 * @return a runner of that many platform threads
	 */
	public static Concurrently onPlatformThreads(int threads) {
		return new Concurrently(threads, () -> Executors.newFixedThreadPool(threads));
	}

	/**
	 * Run tasks on virtual threads, one per task; on a JDK without them (before 21) the
	 * test is skipped.
	 * @param threads how many threads
	 * @return a runner of that many virtual threads
	 */
	public static Concurrently onVirtualThreads(int threads) {
		Method factory = virtualThreadExecutorFactory();
		assumeTrue(factory != null, "virtual threads need JDK 21 or later");
		return new Concurrently(threads, () -> invoke(factory));
	}

	/**
	 * Run the task on every thread, released at once.
	 * @param <T> the type of result
	 * @param task what each thread runs
	 * @return what each thread returned, in the order of the threads
	 * @throws InterruptedException if the test's thread is interrupted while waiting
	 */
	public <T extends @Nullable Object> List<T> runTogether(Task<T> task) throws InterruptedException {
		return runTogether((thread) -> task.run());
	}

	/**
	 * Run the task on every thread, released at once, passing each its number, from zero.
	 * @param <T> the type of result
	 * @param task what each thread runs
	 * @return what each thread returned, in the order of the threads
	 * @throws InterruptedException if the test's thread is interrupted while waiting
	 */
	public <T extends @Nullable Object> List<T> runTogether(NumberedTask<T> task) throws InterruptedException {
		ExecutorService executor = this.executors.get();
		try {
			CountDownLatch ready = new CountDownLatch(this.threads);
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>(this.threads);
			for (int i = 0; i < this.threads; i++) {
				int thread = i;
				futures.add(executor.submit(() -> {
					ready.countDown();
					start.await();
					return call(task, thread);
				}));
			}
			if (!ready.await(READY_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS)) {
				throw new AssertionError(
						"Only " + (this.threads - ready.getCount()) + " of " + this.threads + " threads started");
			}
			start.countDown();
			return results(futures);
		}
		finally {
			executor.shutdownNow();
		}
	}

	private <T extends @Nullable Object> List<T> results(List<Future<T>> futures) throws InterruptedException {
		long deadline = System.nanoTime() + FINISH_TIMEOUT.toNanos();
		List<T> results = new ArrayList<>(futures.size());
		@Nullable AssertionError failure = null;
		for (int i = 0; i < futures.size(); i++) {
			try {
				results.add(futures.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
			}
			catch (ExecutionException ex) {
				AssertionError failed = new AssertionError(
						"Thread " + i + " of " + this.threads + " failed: " + ex.getCause(), ex.getCause());
				failure = addTo(failure, failed);
			}
			catch (TimeoutException ex) {
				throw addTo(failure, new AssertionError(
						"Thread " + i + " of " + this.threads + " did not finish within " + FINISH_TIMEOUT));
			}
		}
		if (failure != null) {
			throw failure;
		}
		return results;
	}

	private static AssertionError addTo(@Nullable AssertionError first, AssertionError next) {
		if (first == null) {
			return next;
		}
		first.addSuppressed(next);
		return first;
	}

	private static <T extends @Nullable Object> T call(NumberedTask<T> task, int thread) throws Exception {
		try {
			return task.run(thread);
		}
		catch (Exception | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static @Nullable Method virtualThreadExecutorFactory() {
		try {
			return Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
		}
		catch (NoSuchMethodException ex) {
			return null;
		}
	}

	private static ExecutorService invoke(Method factory) {
		try {
			return (ExecutorService) factory.invoke(null);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Could not create a virtual thread executor", ex);
		}
	}

	/**
	 * What each thread runs.
	 *
	 * @param <T> the type of result
	 */
	@FunctionalInterface
	public interface Task<T extends @Nullable Object> {

		/**
		 * Run on one of the threads.
		 * @return a result, which may be {@code null}
		 * @throws Throwable if the task fails, which fails the test
		 */
		T run() throws Throwable;

	}

	/**
	 * What each thread runs, given its number.
	 *
	 * @param <T> the type of result
	 */
	@FunctionalInterface
	public interface NumberedTask<T extends @Nullable Object> {

		/**
		 * Run on one of the threads.
		 * @param thread the number of the thread, from zero
		 * @return a result, which may be {@code null}
		 * @throws Throwable if the task fails, which fails the test
		 */
		T run(int thread) throws Throwable;

	}

}
