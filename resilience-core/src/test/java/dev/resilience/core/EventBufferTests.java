package dev.resilience.core;

import java.time.Instant;
import java.util.List;

import dev.resilience.testsupport.Concurrently;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link EventBuffer}.
 */
class EventBufferTests {

	@Test
	void keepsEveryEventInOrderBelowCapacity() {
		EventBuffer buffer = new EventBuffer(5);
		add(buffer, 3);
		assertThat(messages(buffer)).containsExactly("0", "1", "2");
		assertThat(buffer.totalCount()).isEqualTo(3);
	}

	@Test
	void keepsTheLastEventsInOrderOnceFull() {
		EventBuffer buffer = new EventBuffer(4);
		add(buffer, 11);
		assertThat(messages(buffer)).containsExactly("7", "8", "9", "10");
		assertThat(buffer.totalCount()).isEqualTo(11);
	}

	@Test
	void keepsExactlyCapacityEventsWhenJustFull() {
		EventBuffer buffer = new EventBuffer(3);
		add(buffer, 3);
		assertThat(messages(buffer)).containsExactly("0", "1", "2");
	}

	@Test
	void isEmptyAtFirst() {
		EventBuffer buffer = new EventBuffer();
		assertThat(buffer.recent()).isEmpty();
		assertThat(buffer.totalCount()).isZero();
	}

	@Test
	void keepsOneHundredEventsByDefault() {
		EventBuffer buffer = new EventBuffer();
		add(buffer, 250);
		assertThat(buffer.recent()).hasSize(EventBuffer.DEFAULT_CAPACITY).hasSize(100);
		assertThat(buffer.recent().get(0).message()).isEqualTo("150");
	}

	@Test
	void recentIsASnapshot() {
		EventBuffer buffer = new EventBuffer(3);
		add(buffer, 2);
		List<ResilienceEvent> snapshot = buffer.recent();
		add(buffer, 2);
		assertThat(snapshot).hasSize(2);
	}

	@Test
	void rejectsCapacityBelowOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> new EventBuffer(0))
			.withMessage("capacity must be at least 1, but was 0");
	}

	@Test
	void concurrentWritersLoseNoCount() throws Exception {
		int writers = 8;
		int eventsEach = 20_000;
		EventBuffer buffer = new EventBuffer(64);
		Concurrently.runTogether(writers, (writer) -> {
			for (int i = 0; i < eventsEach; i++) {
				buffer.add(event(writer + ":" + i));
			}
			return null;
		});
		assertThat(buffer.totalCount()).isEqualTo((long) writers * eventsEach);
		assertThat(buffer.recent()).hasSize(64).doesNotContainNull();
	}

	private static void add(EventBuffer buffer, int count) {
		long before = buffer.totalCount();
		for (int i = 0; i < count; i++) {
			buffer.add(event(String.valueOf(before + i)));
		}
	}

	private static ResilienceEvent event(String message) {
		return new ResilienceEvent(Instant.EPOCH, "TEST", message, null);
	}

	private static List<String> messages(EventBuffer buffer) {
		return buffer.recent().stream().map(ResilienceEvent::message).toList();
	}

}
