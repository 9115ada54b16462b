package dev.resilience.ratelimiter;

/**
 * The kinds of event a rate limiter records, as found in
 * {@link dev.resilience.core.ResilienceEvent#type()}. Rejections come in floods, so each
 * kind of rejection is recorded at most once per second, its message carrying the running
 * count.
 *
 * @author Resilience
 * @since 0.1.0
 */
public enum RateLimiterEventType {

	/**
	 * A call was rejected because no permit could be had within its timeout.
	 */
	REJECTED,

	/**
	 * A call with a new key was rejected because the limiter already tracks
	 * {@code maxKeys} keys, none of them idle.
	 */
	KEY_CAP_REACHED,

	/**
	 * The remote backend stopped answering in time; its failure mode stands in for it
	 * until it answers again. Recorded once per switch.
	 */
	BACKEND_DOWN,

	/**
	 * The remote backend answers again and takes over from its failure mode. Recorded
	 * once per switch.
	 */
	BACKEND_UP

}
