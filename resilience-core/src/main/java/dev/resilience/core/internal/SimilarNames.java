package dev.resilience.core.internal;

import java.util.Collection;

import org.jspecify.annotations.Nullable;

/**
 * Finds the name a user probably meant, for start-up errors about a name that does not
 * exist. Not part of the public API.
 *
 * @author Resilience
 */
public final class SimilarNames {

	private SimilarNames() {
	}

	/**
	 * Suggest the closest of some names, when one is close enough to be a typo.
	 * @param name the name that does not exist
	 * @param candidates the names that do
	 * @return {@code " (did you mean 'x'?)"}, or empty when nothing is close
	 */
	public static String didYouMean(String name, Collection<String> candidates) {
		@Nullable String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (String candidate : candidates) {
			int distance = distance(name.toLowerCase(), candidate.toLowerCase());
			if (distance < bestDistance) {
				best = candidate;
				bestDistance = distance;
			}
		}
		if (best == null || bestDistance > Math.max(2, name.length() / 3)) {
			return "";
		}
		return " (did you mean '" + best + "'?)";
	}

	/**
	 * Return the Levenshtein distance of two strings: the fewest insertions, deletions
	 * and substitutions that turn one into the other.
	 * @param a a string
	 * @param b another string
	 * @return the distance
	 */
	public static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}
