package dev.resilience.core.internal;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SimilarNames}.
 *
 * @author Resilience
 */
class SimilarNamesTests {

	@Test
	void distanceCountsInsertionsDeletionsAndSubstitutions() {
		assertThat(SimilarNames.distance("kitten", "sitting")).isEqualTo(3);
		assertThat(SimilarNames.distance("", "abc")).isEqualTo(3);
		assertThat(SimilarNames.distance("same", "same")).isZero();
	}

	@Test
	void suggestsTheClosestNameWhenItLooksLikeATypo() {
		assertThat(SimilarNames.didYouMean("cachedStok", List.of("stock", "cachedStock", "refresh")))
			.isEqualTo(" (did you mean 'cachedStock'?)");
	}

	@Test
	void suggestsNothingWhenNoNameIsClose() {
		assertThat(SimilarNames.didYouMean("nowhere", List.of("stock", "cachedStock"))).isEmpty();
	}

}
