package dev.resilience.testsupport;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link RecordingSleeper}.
 *
 * @author Resilience
 */
class RecordingSleeperTests {

	@Test
	void recordsEachWaitAndAdvancesTheTimeSourceByIt() throws InterruptedException {
		ManualTimeSource time = new ManualTimeSource();
		RecordingSleeper sleeper = new RecordingSleeper(time);
		sleeper.sleep(500);
		sleeper.sleep(1_000);
		assertThat(sleeper.waits()).containsExactly(500L, 1_000L);
		assertThat(time.elapsed()).hasNanos(1_500);
	}

	@Test
	void onlyRecordsWithoutATimeSource() throws InterruptedException {
		RecordingSleeper sleeper = new RecordingSleeper();
		sleeper.sleep(Long.MAX_VALUE);
		assertThat(sleeper.waits()).containsExactly(Long.MAX_VALUE);
	}

	@Test
	void interruptsWaitsWhenToldWithoutRecordingThem() throws InterruptedException {
		ManualTimeSource time = new ManualTimeSource();
		RecordingSleeper sleeper = new RecordingSleeper(time);
		sleeper.interruptSleeps(true);
		assertThatExceptionOfType(InterruptedException.class).isThrownBy(() -> sleeper.sleep(500));
		sleeper.interruptSleeps(false);
		sleeper.sleep(700);
		assertThat(sleeper.waits()).containsExactly(700L);
		assertThat(time.elapsed()).hasNanos(700);
	}

}
