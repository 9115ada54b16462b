package dev.resilience.bulkhead;

/**
 * Live numbers of a bulkhead: its gauges read the current state, its counters count since
 * creation. They back the {@code resilience.bulkhead.active.calls} and
 * {@code resilience.bulkhead.queued.calls} gauges and the {@code permitted} and
 * {@code rejected} outcomes of the {@code resilience.bulkhead.calls} counter.
 *
 * @author Resilience
 * @since 0.1.0
 * @see Bulkhead#metrics()
 */
public interface BulkheadMetrics {

	/**
	 * Return how many slots are held, by running calls and by waiters just handed a slot.
	 * @return the number of active calls
	 */
	int activeCalls();

	/**
	 * Return how many callers are queued for a slot.
	 * @return the number of queued calls
	 */
	int queuedCalls();

	/**
	 * Return how many slots are free.
	 * @return {@code maxConcurrentCalls} minus {@link #activeCalls()}
	 */
	int availableSlots();

	/**
	 * Return how many calls got a slot, at once or after waiting.
	 * @return the count of {@code permitted}
	 */
	long permittedCalls();

	/**
	 * Return how many calls were turned away: with every slot taken and no wait allowed,
	 * after waiting in vain, or interrupted while waiting.
	 * @return the count of {@code rejected}
	 */
	long rejectedCalls();

}
