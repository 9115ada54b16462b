package dev.resilience.bulkhead;

/**
 * The kinds of event a bulkhead records, as found in
 * {@link dev.resilience.core.ResilienceEvent#type()}.
 *
 * @author Resilience
 * @since 0.1.0
 */
public enum BulkheadEventType {

	/**
	 * Calls were rejected. A full bulkhead may reject thousands of calls a second, so at
	 * most one such event is recorded per second and instance: it describes the rejection
	 * that recorded it and counts those since the previous event.
	 */
	CALL_REJECTED

}
