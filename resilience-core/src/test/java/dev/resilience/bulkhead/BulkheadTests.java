package dev.resilience.bulkhead;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import dev.resilience.core.ErrorClassifier;
import dev.resilience.core.ResilienceEvent;
import dev.resilience.testsupport.ManualScheduler;
import dev.resilience.testsupport.ManualTimeSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * Tests for {@link Bulkhead} without waiting: slots, rejections, metrics and events.
 *
 * @author Resilience
 */
class BulkheadTests {

	private final ManualTimeSource clock = new ManualTimeSource();

	private final ManualScheduler scheduler = new ManualScheduler();

	@Test
	void permitsUpToMaxConcurrentCallsThenRejects() {
		Bulkhead bulkhead = bulkhead(3);
		assertThat(bulkhead.tryAcquirePermission()).isTrue();
		assertThat(bulkhead.tryAcquirePermission()).isTrue();
		assertThat(bulkhead.tryAcquirePermission()).isTrue();
		assertThat(bulkhead.tryAcquirePermission()).isFalse();
		bulkhead.releasePermission();
		assertThat(bulkhead.tryAcquirePermission()).isTrue();
		assertThat(bulkhead.tryAcquirePermission()).isFalse();
	}

	@Test
	void zeroWaitRejectsAtOnceWhenFull() {
		Bulkhead bulkhead = bulkhead(1);
		bulkhead.acquirePermission();
		long start = System.nanoTime();
		assertThatExceptionOfType(BulkheadFullException.class).isThrownBy(bulkhead::acquirePermission)
			.withMessage("Bulkhead 'inventory' is full: all 1 slots are in use")
			.satisfies((ex) -> {
				assertThat(ex.getInstanceName()).isEqualTo("inventory");
				assertThat(ex.getMaxConcurrentCalls()).isOne();
			});
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
		assertThat(bulkhead.metrics().queuedCalls()).isZero();
		assertThat(this.scheduler.pendingCount()).isZero();
	}

	@Test
	void executeReturnsTheResultAndFreesTheSlot() throws Throwable {
		Bulkhead bulkhead = bulkhead(1);
		String result = bulkhead.execute("sku-1", (sku) -> {
			assertThat(bulkhead.metrics().activeCalls()).isOne();
			return sku.toUpperCase();
		});
		assertThat(result).isEqualTo("SKU-1");
		assertThat(bulkhead.metrics().availableSlots()).isOne();
	}

	@Test
	void executeRethrowsTheFailureAndFreesTheSlot() {
		Bulkhead bulkhead = bulkhead(1);
		IOException failure = new IOException("down");
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> bulkhead.execute("sku", (sku) -> {
			throw failure;
		})).isSameAs(failure);
		assertThat(bulkhead.metrics().availableSlots()).isOne();
	}

	@Test
	void executeDoesNotRunTheCallWhenFull() {
		Bulkhead bulkhead = bulkhead(1);
		bulkhead.acquirePermission();
		assertThatExceptionOfType(BulkheadFullException.class).isThrownBy(() -> bulkhead.execute("sku", (sku) -> {
			throw new AssertionError("must not run");
		}));
		assertThat(bulkhead.metrics().activeCalls()).isOne();
	}

	@Test
	void releasingMoreThanAcquiredFails() {
		Bulkhead bulkhead = bulkhead(2);
		bulkhead.acquirePermission();
		bulkhead.releasePermission();
		assertThatIllegalStateException().isThrownBy(bulkhead::releasePermission)
			.withMessage("No permission to release: all 2 slots are already free");
		assertThat(bulkhead.metrics().availableSlots()).isEqualTo(2);
	}

	@Test
	void metricsCountSlotsAndOutcomes() {
		Bulkhead bulkhead = bulkhead(2);
		bulkhead.acquirePermission();
		assertThat(bulkhead.tryAcquirePermission()).isTrue();
		assertThat(bulkhead.tryAcquirePermission()).isFalse();
		assertThatExceptionOfType(BulkheadFullException.class).isThrownBy(bulkhead::acquirePermission);
		assertThat(bulkhead.acquirePermissionAsync()).isCompletedExceptionally();
		BulkheadMetrics metrics = bulkhead.metrics();
		assertThat(metrics.activeCalls()).isEqualTo(2);
		assertThat(metrics.availableSlots()).isZero();
		assertThat(metrics.queuedCalls()).isZero();
		assertThat(metrics.permittedCalls()).isEqualTo(2);
		assertThat(metrics.rejectedCalls()).isEqualTo(3);
		bulkhead.releasePermission();
		assertThat(metrics.activeCalls()).isOne();
		assertThat(metrics.availableSlots()).isOne();
		assertThat(metrics).hasToString(
				"BulkheadMetrics[activeCalls=1, queuedCalls=0, availableSlots=1, permittedCalls=2, rejectedCalls=3]");
	}

	@Test
	void recordsAtMostOneRejectionEventPerSecond() {
		Bulkhead bulkhead = bulkhead(1);
		bulkhead.acquirePermission();
		for (int i = 0; i < 1000; i++) {
			assertThat(bulkhead.tryAcquirePermission()).isFalse();
		}
		assertThat(bulkhead.events().totalCount()).isOne();
		this.clock.advance(Duration.ofMillis(999));
		assertThatExceptionOfType(BulkheadFullException.class).isThrownBy(bulkhead::acquirePermission);
		assertThat(bulkhead.events().totalCount()).isOne();
		this.clock.advance(Duration.ofMillis(1));
		assertThat(bulkhead.tryAcquirePermission()).isFalse();
		List<ResilienceEvent> events = bulkhead.events().recent();
		assertThat(events).extracting(ResilienceEvent::type).containsOnly("CALL_REJECTED").hasSize(2);
		assertThat(events).extracting(ResilienceEvent::message)
			.containsExactly("Rejected a call: all 1 slots in use, 0 queued; 1 rejected since creation",
					"Rejected a call: all 1 slots in use, 0 queued; 1001 rejected since the previous event");
		assertThat(events).extracting(ResilienceEvent::timestamp)
			.containsExactly(ManualTimeSource.START, ManualTimeSource.START.plusSeconds(1));
		assertThat(bulkhead.metrics().rejectedCalls()).isEqualTo(1002);
	}

	@Test
	void permittedCallsRecordNoEvent() throws Throwable {
		Bulkhead bulkhead = bulkhead(1);
		for (int i = 0; i < 10; i++) {
			bulkhead.execute("sku", (sku) -> sku);
		}
		assertThat(bulkhead.events().totalCount()).isZero();
	}

	@Test
	void fullExceptionIsATransientRejectionWithoutStackTrace() {
		BulkheadFullException ex = new BulkheadFullException("inventory", 25, Duration.ofMillis(50));
		assertThat(ex.isPolicyRejection()).isFalse();
		assertThat(ex.getStackTrace()).isEmpty();
		assertThat(ex)
			.hasMessage("Bulkhead 'inventory' is full: all 25 slots are in use and none was freed within 50ms");
		assertThat(ErrorClassifier.defaults().isTransient(ex)).isTrue();
	}

	@Test
	void exposesNameAndConfig() {
		BulkheadConfig config = new BulkheadConfig(4, Duration.ofMillis(10));
		Bulkhead bulkhead = new Bulkhead("inventory", config, this.clock, this.scheduler);
		assertThat(bulkhead.name()).isEqualTo("inventory");
		assertThat(bulkhead.config()).isSameAs(config);
		bulkhead.acquirePermission();
		assertThat(bulkhead).hasToString("Bulkhead 'inventory' (1 of 4 slots in use, 0 queued)");
	}

	@Test
	void ofUsesTheGivenConfig() {
		BulkheadConfig config = new BulkheadConfig(2, Duration.ZERO);
		Bulkhead bulkhead = Bulkhead.of("inventory", config);
		assertThat(bulkhead.config()).isSameAs(config);
		assertThat(bulkhead.metrics().availableSlots()).isEqualTo(2);
	}

	@Test
	void rejectsNullCollaborators() {
		BulkheadConfig config = BulkheadConfig.ofDefaults();
		assertThatNullPointerException().isThrownBy(() -> new Bulkhead(null, config, this.clock, this.scheduler))
			.withMessage("name must not be null");
		assertThatNullPointerException().isThrownBy(() -> new Bulkhead("b", null, this.clock, this.scheduler))
			.withMessage("config must not be null");
		assertThatNullPointerException().isThrownBy(() -> new Bulkhead("b", config, null, this.scheduler))
			.withMessage("timeSource must not be null");
		assertThatNullPointerException().isThrownBy(() -> new Bulkhead("b", config, this.clock, null))
			.withMessage("scheduler must not be null");
	}

	private Bulkhead bulkhead(int maxConcurrentCalls) {
		return new Bulkhead("inventory", new BulkheadConfig(maxConcurrentCalls, Duration.ZERO), this.clock,
				this.scheduler);
	}

}
