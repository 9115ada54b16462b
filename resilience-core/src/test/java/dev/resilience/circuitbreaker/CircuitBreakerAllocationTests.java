package dev.resilience.circuitbreaker;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.LongAdder;

import dev.resilience.core.CheckedFunction;
import dev.resilience.testsupport.ManualTimeSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests that a permitted call while closed allocates nothing.
 *
 * @author Resilience
 */
class CircuitBreakerAllocationTests {

	private static final int CALLS = 200_000;

	// Far below one object per call, above what measuring itself may cost
	private static final long TOLERATED_BYTES = 64 * 1024;

	private static final CheckedFunction<String, String> IDENTITY = (value) -> value;

	@ParameterizedTest
	@EnumSource(SlidingWindowType.class)
	void permittedCallWhileClosedAllocatesNothing(SlidingWindowType type) throws Throwable {
		com.sun.management.ThreadMXBean threads = allocationCounter();
		ManualTimeSource clock = new ManualTimeSource();
		CircuitBreaker breaker = Calls
			.breaker(CircuitBreakerConfig.builder().slidingWindowType(type).slidingWindowSize(10).build(), clock);
		LongAdder observed = new LongAdder();
		breaker.addCallObserver((outcome, duration) -> observed.increment());
		runCalls(breaker);
		long thread = Thread.currentThread().getId();
		long before = threads.getThreadAllocatedBytes(thread);
		runCalls(breaker);
		long allocated = threads.getThreadAllocatedBytes(thread) - before;
		assertThat(allocated).isLessThan(TOLERATED_BYTES);
		assertThat(observed.sum()).isEqualTo(6L * CALLS);
	}

	private static void runCalls(CircuitBreaker breaker) throws Throwable {
		for (int i = 0; i < CALLS; i++) {
			if (breaker.tryAcquirePermission()) {
				breaker.onSuccess(breaker.nanoTime() - breaker.nanoTime());
			}
			breaker.acquirePermission();
			breaker.onSuccess(1);
			breaker.execute("sku", IDENTITY);
		}
	}

	private static com.sun.management.ThreadMXBean allocationCounter() {
		boolean supported = ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
				&& threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled();
		assumeTrue(supported, "the JVM does not count allocated bytes per thread");
		return (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
	}

}
