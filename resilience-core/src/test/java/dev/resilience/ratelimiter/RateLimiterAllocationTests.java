package dev.resilience.ratelimiter;

import java.lang.management.ManagementFactory;
import java.time.Duration;

import dev.resilience.core.CheckedFunction;
import dev.resilience.testsupport.ManualTimeSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests that a permitted call allocates nothing.
 *
 * @author Resilience
 */
class RateLimiterAllocationTests {

	private static final int CALLS = 200_000;

	// Far below one object per call, above what measuring itself may cost
	private static final long TOLERATED_BYTES = 64 * 1024;

	private static final CheckedFunction<String, String> IDENTITY = (value) -> value;

	private static final String TENANT = "tenant";

	@ParameterizedTest
	@EnumSource(RateLimiterAlgorithm.class)
	void permittedCallAllocatesNothing(RateLimiterAlgorithm algorithm) throws Throwable {
		com.sun.management.ThreadMXBean threads = allocationCounter();
		ManualTimeSource clock = new ManualTimeSource();
		// one permit per microsecond, four taken per microsecond below
		RateLimiterConfig config = RateLimiterConfig.builder()
			.algorithm(algorithm)
			.limit(4000)
			.period(Duration.ofMillis(1))
			.burst(4)
			.build();
		RateLimiter limiter = Limiters.limiter(config, clock);
		runCalls(limiter, clock);
		long thread = Thread.currentThread().getId();
		long before = threads.getThreadAllocatedBytes(thread);
		runCalls(limiter, clock);
		long allocated = threads.getThreadAllocatedBytes(thread) - before;
		assertThat(allocated).isLessThan(TOLERATED_BYTES);
		assertThat(limiter.metrics().permittedCalls()).isEqualTo(2L * 4 * CALLS);
		assertThat(limiter.metrics().rejectedCalls()).isZero();
	}

	private static void runCalls(RateLimiter limiter, ManualTimeSource clock) throws Throwable {
		for (int i = 0; i < CALLS; i++) {
			limiter.reserve(RateLimiter.DEFAULT_KEY, 0);
			limiter.acquirePermission(RateLimiter.DEFAULT_KEY);
			limiter.execute(RateLimiter.DEFAULT_KEY, "sku", IDENTITY);
			limiter.reserve(TENANT, 0);
			clock.advanceNanos(1_000);
		}
	}

	private static com.sun.management.ThreadMXBean allocationCounter() {
		boolean supported = ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
				&& threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled();
		assumeTrue(supported, "the JVM does not count allocated bytes per thread");
		return (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
	}

}
