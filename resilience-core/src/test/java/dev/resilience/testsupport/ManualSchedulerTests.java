package dev.resilience.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ManualScheduler}.
 *
 * @author Resilience
 */
class ManualSchedulerTests {

	private final ManualTimeSource time = new ManualTimeSource();

	private final ManualScheduler scheduler = new ManualScheduler(this.time);

	private final List<String> ran = new CopyOnWriteArrayList<>();

	@Test
	void runsNothingUntilTold() {
		this.scheduler.schedule(record("a"), 30);
		this.scheduler.schedule(record("b"), 10);
		assertThat(this.ran).isEmpty();
		assertThat(this.scheduler.pendingCount()).isEqualTo(2);
		assertThat(this.scheduler.delays()).containsExactly(30L, 10L);
	}

	@Test
	void runAllRunsTasksAsTheyFallDueWithThoseTheySchedule() {
		this.scheduler.schedule(record("a after 30ns"), 30);
		this.scheduler.schedule(() -> {
			record("b after 10ns").run();
			this.scheduler.schedule(record("c after 10 + 5ns"), 5);
		}, 10);
		this.scheduler.runAll();
		assertThat(this.ran).containsExactly("b after 10ns at 10ns", "c after 10 + 5ns at 15ns",
				"a after 30ns at 30ns");
		assertThat(this.scheduler.pendingCount()).isZero();
		assertThat(this.time.elapsed()).hasNanos(30);
	}

	@Test
	void runsTasksDueTogetherInTheOrderTheyWereScheduled() {
		this.scheduler.schedule(record("first"), 10);
		this.scheduler.schedule(record("second"), 10);
		this.scheduler.runAll();
		assertThat(this.ran).containsExactly("first at 10ns", "second at 10ns");
	}

	@Test
	void runDueRunsOnlyTheTasksDueByNow() {
		this.scheduler.schedule(record("now"), 0);
		this.scheduler.schedule(record("soon"), 10);
		this.scheduler.schedule(record("later"), 20);
		this.scheduler.runDue();
		assertThat(this.ran).containsExactly("now at 0ns");
		this.time.advanceNanos(10);
		this.scheduler.runDue();
		assertThat(this.ran).containsExactly("now at 0ns", "soon at 10ns");
		assertThat(this.scheduler.pendingCount()).isOne();
	}

	@Test
	void advanceRunsEachTaskAtItsDueTimeAndStopsAtTheEnd() {
		this.scheduler.schedule(record("a"), 10);
		this.scheduler.schedule(record("b"), 20);
		this.scheduler.schedule(record("c"), 40);
		this.scheduler.advance(Duration.ofNanos(25));
		assertThat(this.ran).containsExactly("a at 10ns", "b at 20ns");
		assertThat(this.time.elapsed()).hasNanos(25);
		assertThat(this.scheduler.pendingCount()).isOne();
	}

	@Test
	void keepsItsOwnClockWhenGivenNone() {
		ManualScheduler own = new ManualScheduler();
		List<String> ran = new CopyOnWriteArrayList<>();
		own.schedule(() -> ran.add("a"), Duration.ofHours(1).toNanos());
		own.runAll();
		assertThat(ran).containsExactly("a");
		assertThat(this.time.elapsed()).isZero();
	}

	private Runnable record(String name) {
		return () -> this.ran.add(name + " at " + this.time.elapsed().toNanos() + "ns");
	}

}
