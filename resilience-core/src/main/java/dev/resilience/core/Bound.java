package dev.resilience.core;

import java.time.Duration;
import java.util.Objects;

import dev.resilience.core.internal.Durations;
import org.jspecify.annotations.Nullable;

/**
 * The values a setting allows: those from a lower end, included or not, up to an upper
 * end, included, if there is one. An engine declares one next to the default of each
 * bounded setting, checks its values with it, and everything that documents or validates
 * the setting elsewhere (properties, reference) reads it or is tested against it.
 * <p>
 * A bound describes itself the way messages read: {@code at least 1},
 * {@code between 1 and 100}, {@code positive}, {@code not negative}. Whole numbers are
 * written without a fraction ({@code 1}, not {@code 1.0}), durations as people read them
 * ({@code 3ms}).
 *
 * @param <T> the type of the values: {@link Integer}, {@link Float}, {@link Double} or
 * {@link Duration}
 * @author Resilience
 * @since 0.1.0
 */
public final class Bound<T> {

	private final T lower;

	private final boolean lowerIncluded;

	private final @Nullable T upper;

	private Bound(T lower, boolean lowerIncluded, @Nullable T upper) {
		this.lower = lower;
		this.lowerIncluded = lowerIncluded;
		this.upper = upper;
	}

	/**
	 * Return a bound allowing whole numbers from {@code lower} on.
	 * @param lower the least value allowed
	 * @return the bound
	 */
	public static Bound<Integer> atLeast(int lower) {
		return new Bound<>(lower, true, null);
	}

	/**
	 * Return a bound allowing numbers from {@code lower} on; never {@code NaN}.
	 * @param lower the least value allowed
	 * @return the bound
	 */
	public static Bound<Double> atLeast(double lower) {
		return new Bound<>(requireNumber(lower), true, null);
	}

	/**
	 * Return a bound allowing durations from {@code lower} on.
	 * @param lower the shortest duration allowed
	 * @return the bound
	 */
	public static Bound<Duration> atLeast(Duration lower) {
		return new Bound<>(Objects.requireNonNull(lower, "lower must not be null"), true, null);
	}

	/**
	 * Return a bound allowing numbers from {@code lower} to {@code upper}, both included;
	 * never {@code NaN}.
	 * @param lower the least value allowed
	 * @param upper the greatest value allowed
	 * @return the bound
	 */
	public static Bound<Float> between(float lower, float upper) {
		return new Bound<>(requireNumber(lower), true, requireAbove(requireNumber(upper), lower));
	}

	/**
	 * Return a bound allowing numbers from {@code lower} to {@code upper}, both included;
	 * never {@code NaN}.
	 * @param lower the least value allowed
	 * @param upper the greatest value allowed
	 * @return the bound
	 */
	public static Bound<Double> between(double lower, double upper) {
		return new Bound<>(requireNumber(lower), true, requireAbove(requireNumber(upper), lower));
	}

	/**
	 * Return a bound allowing durations greater than zero.
	 * @return the bound
	 */
	public static Bound<Duration> positive() {
		return new Bound<>(Duration.ZERO, false, null);
	}

	/**
	 * Return a bound allowing zero and longer durations.
	 * @return the bound
	 */
	public static Bound<Duration> notNegative() {
		return atLeast(Duration.ZERO);
	}

	/**
	 * Return whether the bound allows a value.
	 * @param value the value
	 * @return whether it is within the bound
	 */
	public boolean contains(T value) {
		Objects.requireNonNull(value, "value must not be null");
		if (value instanceof Number number && Double.isNaN(number.doubleValue())) {
			return false;
		}
		int fromLower = compare(value, this.lower);
		if (fromLower < 0 || (fromLower == 0 && !this.lowerIncluded)) {
			return false;
		}
		return this.upper == null || compare(value, this.upper) <= 0;
	}

	/**
	 * Return a value if the bound allows it.
	 * @param name the name of the setting, for the message
	 * @param value the value
	 * @return the value
	 * @throws IllegalArgumentException naming the setting, the requirement and the value,
	 * such as {@code maxAttempts must be at least 1, but was 0}
	 */
	public T check(String name, T value) {
		if (!contains(value)) {
			throw new IllegalArgumentException(name + " " + requirement() + ", but was " + format(value));
		}
		return value;
	}

	/**
	 * Return what a value must be, as the reason of a message:
	 * {@code must be at least 1}, {@code must be between 1 and 100},
	 * {@code must be positive}, {@code must not be negative}.
	 * @return the requirement
	 */
	public String requirement() {
		return isNotNegative() ? "must not be negative" : "must be " + this;
	}

	/**
	 * Return the lower end.
	 * @return the least value allowed, or the greatest not allowed when
	 * {@link #isLowerIncluded() not included}
	 */
	public T lower() {
		return this.lower;
	}

	/**
	 * Return whether the lower end itself is allowed.
	 * @return whether the lower end is included
	 */
	public boolean isLowerIncluded() {
		return this.lowerIncluded;
	}

	/**
	 * Return the upper end, always included.
	 * @return the greatest value allowed, or {@code null} when there is none
	 */
	public @Nullable T upper() {
		return this.upper;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (this == other) || (other instanceof Bound<?> bound && this.lower.equals(bound.lower)
				&& this.lowerIncluded == bound.lowerIncluded && Objects.equals(this.upper, bound.upper));
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.lower, this.lowerIncluded, this.upper);
	}

	/**
	 * Describe the bound: {@code at least 1}, {@code between 1 and 100},
	 * {@code positive}, {@code not negative}.
	 * @return the description
	 */
	@Override
	public String toString() {
		if (isNotNegative()) {
			return "not negative";
		}
		if (!this.lowerIncluded) {
			return "positive";
		}
		if (this.upper != null) {
			return "between " + describe(this.lower) + " and " + describe(this.upper);
		}
		return "at least " + describe(this.lower);
	}

	private boolean isNotNegative() {
		return this.lowerIncluded && this.lower instanceof Duration duration && duration.isZero();
	}

	private static int compare(Object value, Object end) {
		if (value instanceof Duration duration) {
			return duration.compareTo((Duration) end);
		}
		// by value, so that -0.0 is not below 0
		double number = ((Number) value).doubleValue();
		double limit = ((Number) end).doubleValue();
		return (number < limit) ? -1 : ((number > limit) ? 1 : 0);
	}

	private static String describe(Object end) {
		return (end instanceof Duration duration) ? Durations.describe(duration) : format(end);
	}

	private static String format(Object value) {
		if (value instanceof Float || value instanceof Double) {
			double number = ((Number) value).doubleValue();
			if (number == Math.rint(number) && Math.abs(number) < 1e15) {
				return Long.toString((long) number);
			}
		}
		return value.toString();
	}

	private static <N extends Number> N requireNumber(N number) {
		if (Double.isNaN(number.doubleValue())) {
			throw new IllegalArgumentException("A bound must be a number, but was NaN");
		}
		return number;
	}

	private static <N extends Number> N requireAbove(N upper, Number lower) {
		if (upper.doubleValue() < lower.doubleValue()) {
			throw new IllegalArgumentException("upper must be at least " + lower + ", but was " + upper);
		}
		return upper;
	}

}
