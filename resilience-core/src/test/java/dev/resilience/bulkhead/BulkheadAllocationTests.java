package dev.resilience.bulkhead;

import java.lang.management.ManagementFactory;
import java.time.Duration;

import dev.resilience.core.CheckedFunction;
import dev.resilience.testsupport.ManualScheduler;
import dev.resilience.testsupport.ManualTimeSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests that taking and giving back a free slot allocates nothing.
 *
 * @author Resilience
 */
class BulkheadAllocationTests {

	private static final int CALLS = 200_000;

	// Far below one object per call, above what measuring itself may cost
	private static final long TOLERATED_BYTES = 64 * 1024;

	private static final CheckedFunction<String, String> IDENTITY = (value) -> value;

	@Test
	void callWithAFreeSlotAllocatesNothing() throws Throwable {
		com.sun.management.ThreadMXBean threads = allocationCounter();
		Bulkhead bulkhead = new Bulkhead("inventory", new BulkheadConfig(2, Duration.ofSeconds(1)),
				new ManualTimeSource(), new ManualScheduler());
		runCalls(bulkhead);
		long thread = Thread.currentThread().getId();
		long before = threads.getThreadAllocatedBytes(thread);
		runCalls(bulkhead);
		long allocated = threads.getThreadAllocatedBytes(thread) - before;
		assertThat(allocated).isLessThan(TOLERATED_BYTES);
		assertThat(bulkhead.metrics().permittedCalls()).isEqualTo(6L * CALLS);
	}

	private static void runCalls(Bulkhead bulkhead) throws Throwable {
		for (int i = 0; i < CALLS; i++) {
			if (bulkhead.tryAcquirePermission()) {
				bulkhead.releasePermission();
			}
			bulkhead.acquirePermission();
			bulkhead.releasePermission();
			bulkhead.execute("sku", IDENTITY);
		}
	}

	private static com.sun.management.ThreadMXBean allocationCounter() {
		boolean supported = ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
				&& threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled();
		assumeTrue(supported, "the JVM does not count allocated bytes per thread");
		return (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
	}

}
