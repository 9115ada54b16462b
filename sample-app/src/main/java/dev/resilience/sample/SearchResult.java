package dev.resilience.sample;

import java.util.List;

/**
 * The articles that match a search.
 *
 * @param query what was searched for
 * @param hits the names of the matching articles
 * @author Resilience
 * @since 0.1.0
 */
public record SearchResult(String query, List<String> hits) {

}
