package dev.resilience.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Bounded ring buffer of an instance's most recent events. Writers never block or wait on
 * each other; once full, each new event replaces the oldest.
 *
 * @author Resilience
 * @since 0.1.0
 */
public final class EventBuffer {

	/**
	 * Number of events kept per instance unless configured otherwise.
	 */
	public static final int DEFAULT_CAPACITY = 100;

	private final AtomicReferenceArray<ResilienceEvent> slots;

	private final AtomicLong written = new AtomicLong();

	/**
	 * Create a buffer keeping {@link #DEFAULT_CAPACITY} events.
	 */
	public EventBuffer() {
		this(DEFAULT_CAPACITY);
	}

	/**
	 * Create a buffer keeping the given number of events.
	 * @param capacity how many events to keep, at least 1
	 */
	public EventBuffer(int capacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException("capacity must be at least 1, but was " + capacity);
		}
		this.slots = new AtomicReferenceArray<>(capacity);
	}

	/**
	 * Record an event, replacing the oldest when full.
	 * @param event the event
	 */
	public void add(ResilienceEvent event) {
		long index = this.written.getAndIncrement();
		this.slots.set((int) (index % this.slots.length()), event);
	}

	/**
	 * Return the events kept, oldest first.
	 * @return a snapshot of the recent events
	 */
	public List<ResilienceEvent> recent() {
		long end = this.written.get();
		int capacity = this.slots.length();
		long start = Math.max(0, end - capacity);
		List<ResilienceEvent> events = new ArrayList<>((int) (end - start));
		for (long i = start; i < end; i++) {
			ResilienceEvent event = this.slots.get((int) (i % capacity));
			if (event != null) {
				events.add(event);
			}
		}
		return events;
	}

	/**
	 * Return how many events were recorded since creation, including those no longer
	 * kept.
	 * @return the total number of events
	 */
	public long totalCount() {
		return this.written.get();
	}

}
