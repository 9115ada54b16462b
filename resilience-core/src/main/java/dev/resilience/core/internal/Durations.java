package dev.resilience.core.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * Writes durations the way people read them in messages: {@code 450ms}, {@code 1.832s},
 * {@code 2m30s}, rather than {@code PT1.831550783S}.
 *
 * @author Resilience
 * @since 0.1.0
 */
public final class Durations {

	private Durations() {
	}

	/**
	 * Describe a duration, rounded up to the millisecond below a minute and to the second
	 * above.
	 * @param duration the duration, not negative
	 * @return its description
	 */
	public static String describe(Duration duration) {
		if (duration.isNegative() || duration.isZero()) {
			return "0ms";
		}
		if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
			return ceilMillis(duration) + "ms";
		}
		if (duration.compareTo(Duration.ofMinutes(1)) < 0) {
			BigDecimal seconds = BigDecimal.valueOf(ceilMillis(duration), 3).stripTrailingZeros();
			return seconds.toPlainString() + "s";
		}
		long totalSeconds = BigDecimal.valueOf(duration.getSeconds())
			.add(BigDecimal.valueOf(duration.getNano(), 9))
			.setScale(0, RoundingMode.CEILING)
			.longValueExact();
		long hours = totalSeconds / 3600;
		long minutes = (totalSeconds % 3600) / 60;
		long seconds = totalSeconds % 60;
		StringBuilder text = new StringBuilder();
		if (hours > 0) {
			text.append(hours).append('h');
		}
		if (minutes > 0) {
			text.append(minutes).append('m');
		}
		if (seconds > 0 || text.length() == 0) {
			text.append(seconds).append('s');
		}
		return text.toString();
	}

	private static long ceilMillis(Duration duration) {
		long millis = duration.toMillis();
		return (duration.minusMillis(millis).isZero()) ? millis : millis + 1;
	}

}
