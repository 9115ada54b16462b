package dev.resilience.testsupport;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ManualTimeSource}.
 *
 * @author Resilience
 */
class ManualTimeSourceTests {

	@Test
	void standsStillUntilAdvanced() {
		ManualTimeSource time = new ManualTimeSource();
		long start = time.nanoTime();
		assertThat(time.nanoTime()).isEqualTo(start);
		assertThat(time.now()).isEqualTo(ManualTimeSource.START);
		assertThat(time.elapsed()).isZero();
	}

	@Test
	void movesBothClocksTogether() {
		ManualTimeSource time = new ManualTimeSource();
		long start = time.nanoTime();
		time.advance(Duration.ofSeconds(1));
		time.advanceMillis(20);
		time.advanceNanos(3);
		time.advanceSeconds(4);
		Duration moved = Duration.ofSeconds(5).plusMillis(20).plusNanos(3);
		assertThat(time.nanoTime() - start).isEqualTo(moved.toNanos());
		assertThat(time.now()).isEqualTo(ManualTimeSource.START.plus(moved));
		assertThat(time.elapsed()).isEqualTo(moved);
	}

	@Test
	void keepsTheWallClockRightWhenNanoTimeOverflows() {
		ManualTimeSource time = new ManualTimeSource(Long.MAX_VALUE - 5);
		time.advanceNanos(10);
		assertThat(time.nanoTime()).isEqualTo(Long.MIN_VALUE + 4);
		assertThat(time.now()).isEqualTo(ManualTimeSource.START.plusNanos(10));
		assertThat(time.elapsed()).isEqualTo(Duration.ofNanos(10));
	}

	@Test
	void refusesToMoveBackwards() {
		ManualTimeSource time = new ManualTimeSource();
		assertThatIllegalArgumentException().isThrownBy(() -> time.advance(Duration.ofMillis(-1)))
			.withMessage("time only moves forward, but was asked to move -1000000ns");
	}

}
