package dev.resilience.timelimiter;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;

import dev.resilience.core.ContextPropagator;

import dev.resilience.testsupport.ManualScheduler;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link SyncExecutors} and the executor a time limiter runs synchronous calls
 * on.
 */
class SyncExecutorsTests {

	private static final int JAVA = Runtime.version().feature();

	@Test
	void runsEachCallOnANewVirtualThreadWhereTheJdkHasThem() throws Throwable {
		assumeThat(JAVA).as("virtual threads").isGreaterThanOrEqualTo(21);
		ExecutorService executor = TimeLimiterRegistry.newDefaultExecutor();
		try {
			TimeLimiter limiter = new TimeLimiter("virtual", TimeLimiterConfig.ofDefaults(), executor,
					new ManualScheduler(), ContextPropagator.none());
			Thread first = limiter.execute("ctx", (context) -> Thread.currentThread());
			Thread second = limiter.execute("ctx", (context) -> Thread.currentThread());
			assertThat(isVirtual(first)).isTrue();
			assertThat(second).isNotSameAs(first);
			assertThat(first.getName()).startsWith("resilience-timelimiter-virtual-");
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void sharesAVirtualThreadExecutorWhereTheJdkHasThem() throws Throwable {
		assumeThat(JAVA).as("virtual threads").isGreaterThanOrEqualTo(21);
		Thread thread = TimeLimiter.of("shared", TimeLimiterConfig.ofDefaults())
			.execute("ctx", (context) -> Thread.currentThread());
		assertThat(isVirtual(thread)).isTrue();
	}

	@Test
	void fallsBackToABoundedPoolOfDaemonThreadsWithoutVirtualThreads() throws Exception {
		assumeThat(JAVA).as("no virtual threads").isLessThan(21);
		assertThat(SyncExecutors.virtualThreads()).isNull();
		ExecutorService executor = TimeLimiterRegistry.newDefaultExecutor();
		try {
			assertThat(executor).isInstanceOfSatisfying(ThreadPoolExecutor.class, (pool) -> {
				assertThat(pool.getMaximumPoolSize()).isGreaterThanOrEqualTo(16);
				assertThat(pool.getQueue().remainingCapacity()).isEqualTo(pool.getMaximumPoolSize());
				assertThat(pool.allowsCoreThreadTimeOut()).isTrue();
			});
			Thread thread = executor.submit(Thread::currentThread).get();
			assertThat(thread.isDaemon()).isTrue();
			assertThat(thread.getName()).startsWith("resilience-timelimiter-");
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void failsAtOnceWithTimeLimitExceededWhenNoThreadIsFree() throws Throwable {
		ThreadPoolExecutor pool = SyncExecutors.boundedPool(1, 1);
		TimeLimiter limiter = new TimeLimiter("busy",
				TimeLimiterConfig.builder().timeout(Duration.ofMinutes(1)).build(), pool, new ManualScheduler(),
				ContextPropagator.none());
		BlockingCall running = new BlockingCall();
		BlockingCall queued = new BlockingCall();
		try {
			Thread first = new Thread(() -> catchThrowable(() -> limiter.execute("one", running)));
			Thread second = new Thread(() -> catchThrowable(() -> limiter.execute("two", queued)));
			first.start();
			running.awaitStarted();
			second.start();
			await().atMost(Duration.ofSeconds(10)).until(() -> pool.getQueue().size() == 1);
			assertThatExceptionOfType(TimeLimitExceededException.class)
				.isThrownBy(() -> limiter.execute("three", (context) -> context))
				.withMessage("TimeLimiter 'busy' found no thread free to run the call");
			assertThat(limiter.metrics().timedOutCalls()).isOne();
			assertThat(limiter.events().recent()).singleElement()
				.satisfies((event) -> assertThat(event.type()).isEqualTo("TIMEOUT"));
			running.release();
			queued.release();
			first.join(Duration.ofMinutes(1).toMillis());
			second.join(Duration.ofMinutes(1).toMillis());
			assertThat(limiter.metrics().successfulCalls()).isEqualTo(2);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void rethrowsTheRejectionOfAnExecutorThatIsShutDown() {
		ThreadPoolExecutor pool = SyncExecutors.boundedPool(1, 1);
		pool.shutdown();
		TimeLimiter limiter = new TimeLimiter("closed", TimeLimiterConfig.ofDefaults(), pool, new ManualScheduler(),
				ContextPropagator.none());
		assertThatExceptionOfType(RejectedExecutionException.class)
			.isThrownBy(() -> limiter.execute("ctx", (context) -> context));
		assertThat(limiter.metrics().failedCalls()).isOne();
		assertThat(limiter.metrics().timedOutCalls()).isZero();
	}

	private static boolean isVirtual(Thread thread) throws Exception {
		Method isVirtual = Thread.class.getMethod("isVirtual");
		return (boolean) isVirtual.invoke(thread);
	}

}
