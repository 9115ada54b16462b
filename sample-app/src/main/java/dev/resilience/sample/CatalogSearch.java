package dev.resilience.sample;

import java.util.List;
import java.util.Locale;

import dev.resilience.annotation.RateLimited;

import org.springframework.stereotype.Service;

/**
 * Searches the shop's catalogue. Searching is cheap for one user but not for all of them
 * at once, so every user gets a bucket of their own: a user who searches too often is
 * turned away with 429 and a {@code Retry-After}, and the others are not slowed down.
 *
 * @author Resilience
 * @since 0.1.0
 */
@Service
public class CatalogSearch {

	private static final List<String> CATALOGUE = List.of("apple", "apricot", "banana", "blackberry", "cherry", "fig",
			"grape", "kiwi", "lemon", "mango", "peach", "pear", "plum", "raspberry", "strawberry");

	/**
	 * Return the articles whose name contains the query, ignoring case. No fallback: a
	 * client that searches too often should learn so and come back later.
	 * @param userId the user who searches, the key of the rate limit
	 * @param query what to look for
	 * @return the matching articles
	 */
	@RateLimited(name = "search", key = "#userId")
	public SearchResult search(String userId, String query) {
		String needle = query.toLowerCase(Locale.ROOT);
		return new SearchResult(query, CATALOGUE.stream().filter((name) -> name.contains(needle)).toList());
	}

}
