package dev.resilience.ratelimiter.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import dev.resilience.ratelimiter.PermitStore;
import dev.resilience.ratelimiter.RateLimiterConfig;

/**
 * The server-side script that takes or reserves one permit of a bucket in a single round
 * trip: a generic cell rate algorithm (GCRA), the same arithmetic as the local token
 * bucket, run atomically by Redis on Redis's own clock.
 * <p>
 * Why GCRA rather than a counting token bucket: it keeps one value per key, the instant
 * at which the bucket will be full again, so each permit is one {@code GET} and one
 * {@code SET} of a short string; a reservation (a permit granted ahead, for a caller that
 * may wait) is the same update as an immediate permit, so callers queue behind it exactly
 * as they do locally; and the key's expiry is that very instant, after which the key
 * carries no information and vanishes by itself. A counting bucket would need a count and
 * a timestamp, and an expiry computed from both.
 * <p>
 * Time is read with {@code TIME}, in microseconds, so that clients whose clocks differ
 * still share one timeline. The instant is kept exactly, as whole microseconds plus a
 * remainder in units of {@code 1/limit} µs, so that no rounding can let a bucket admit
 * more than {@code burst + limit × t / period} permits; only waits are rounded, up, to
 * the microsecond, and the period is rounded up to a whole microsecond. Every number the
 * script handles stays below 2<sup>53</sup>, where Lua's doubles are exact integers.
 * <p>
 * {@code KEYS[1]} is the bucket; {@code ARGV} holds the rate (limit, interval and burst
 * offset as whole microseconds and remainder, period, burst) and, last, how long the
 * caller may wait in microseconds, negative to look without taking. The reply is
 * {@code {granted (1 or 0), wait in µs, permits left}}; a refused permit changes nothing.
 *
 * @author Resilience
 */
final class GcraScript {

	static final String SOURCE = """
			redis.replicate_commands()
			local limit = tonumber(ARGV[1])
			local interval, interval_rem = tonumber(ARGV[2]), tonumber(ARGV[3])
			local burst_offset, burst_rem = tonumber(ARGV[4]), tonumber(ARGV[5])
			local period, burst = tonumber(ARGV[6]), tonumber(ARGV[7])
			local max_wait = tonumber(ARGV[8])
			local time = redis.call('TIME')
			local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
			local ahead, ahead_rem = 0, 0
			local full = redis.call('GET', KEYS[1])
			if full then
			  local at, rem = string.match(full, '^(%d+):(%d+)$')
			  if at then
			    ahead, ahead_rem = tonumber(at) - now, tonumber(rem)
			    if ahead < 0 or (ahead == 0 and ahead_rem == 0) then
			      ahead, ahead_rem = 0, 0
			    end
			  end
			end
			local next_at, next_rem = ahead + interval, ahead_rem + interval_rem
			if next_rem >= limit then
			  next_at, next_rem = next_at + 1, next_rem - limit
			end
			local wait, wait_rem = next_at - burst_offset, next_rem - burst_rem
			if wait_rem < 0 then
			  wait, wait_rem = wait - 1, wait_rem + limit
			end
			if wait_rem > 0 then
			  wait = wait + 1
			end
			if wait < 0 then
			  wait = 0
			end
			if max_wait < 0 or wait > max_wait then
			  return {0, wait, burst - math.ceil((ahead * limit + ahead_rem) / period)}
			end
			redis.call('SET', KEYS[1], string.format('%d:%d', now + next_at, next_rem),
			  'PX', string.format('%d', math.floor(next_at / 1000) + 1))
			return {1, wait, burst - math.ceil((next_at * limit + next_rem) / period)}
			""";

	static final byte[] BYTES = SOURCE.getBytes(StandardCharsets.UTF_8);

	static final String SHA1 = sha1(BYTES);

	/**
	 * Largest {@code burst × period} in microseconds: keeps every number in the script
	 * exact, about 142 years.
	 */
	static final long MAX_BURST_MICROS = 1L << 52;

	private static final int RATE_ARGUMENTS = 7;

	private GcraScript() {
	}

	/**
	 * Return the rate arguments of a configuration, to which each call appends its wait.
	 * @param config the configuration
	 * @return the arguments {@code ARGV[1]} to {@code ARGV[7]}
	 * @throws IllegalArgumentException if {@code burst × period} is too long for exact
	 * arithmetic
	 */
	static byte[][] rate(RateLimiterConfig config) {
		long limit = config.limit();
		long burst = config.burst();
		long periodNanos = config.period().toNanos();
		long period = periodNanos / 1000 + ((periodNanos % 1000 != 0) ? 1 : 0);
		if (period > MAX_BURST_MICROS / burst) {
			throw new IllegalArgumentException("burst × period must be at most " + MAX_BURST_MICROS
					+ "µs with backend REDIS, but was " + burst + " × " + config.period());
		}
		long burstSpan = burst * period;
		return new byte[][] { bytes(limit), bytes(period / limit), bytes(period % limit), bytes(burstSpan / limit),
				bytes(burstSpan % limit), bytes(period), bytes(burst) };
	}

	/**
	 * Return the arguments of one call.
	 * @param rate the rate arguments
	 * @param maxWaitNanos how long the caller may wait, or a negative number to look
	 * without taking a permit
	 * @return the arguments
	 */
	static byte[][] arguments(byte[][] rate, long maxWaitNanos) {
		byte[][] arguments = new byte[RATE_ARGUMENTS + 1][];
		System.arraycopy(rate, 0, arguments, 0, RATE_ARGUMENTS);
		// rounded down, so that a granted wait never exceeds the caller's
		arguments[RATE_ARGUMENTS] = bytes((maxWaitNanos < 0) ? -1 : maxWaitNanos / 1000);
		return arguments;
	}

	/**
	 * Decode a reply.
	 * @param reply the script's reply
	 * @return the wait in nanoseconds, or {@link PermitStore#rejected(long)} of it
	 * @throws IllegalStateException if the reply is not the script's
	 */
	static long answer(List<?> reply) {
		long waitNanos = Math.multiplyExact(number(reply, 1), 1000L);
		return (number(reply, 0) == 1) ? waitNanos : PermitStore.rejected(waitNanos);
	}

	/**
	 * Return the permits left in the bucket after the call.
	 * @param reply the script's reply
	 * @return the permits left, negative while permits are promised ahead
	 */
	static long permitsLeft(List<?> reply) {
		return number(reply, 2);
	}

	private static long number(List<?> reply, int index) {
		if (reply.size() != 3 || !(reply.get(index) instanceof Long number)) {
			throw new IllegalStateException("Unexpected reply of the rate limiter script: " + reply);
		}
		return number;
	}

	private static byte[] bytes(long value) {
		return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
	}

	private static String sha1(byte[] source) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(source));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-1 is not available", ex);
		}
	}

}
