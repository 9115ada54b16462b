package dev.resilience.web;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AcceptHeader}.
 *
 * @author Resilience
 */
class AcceptHeaderTests {

	@ParameterizedTest(name = "Accept: {0}")
	@ValueSource(strings = { "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html",
			"text/html;charset=UTF-8", "application/xhtml+xml", "*/*;q=0.8, text/html",
			"application/json;q=0.5, text/html", "text/html, application/json" })
	void browserPrefersHtml(String accept) {
		assertThat(AcceptHeader.prefersHtml(List.of(accept))).isTrue();
	}

	@ParameterizedTest(name = "Accept: {0}")
	@ValueSource(strings = { "application/json", "application/problem+json", "*/*", "text/*",
			"application/json, text/html", "text/html;q=0.5, application/json", "text/html;q=0, */*",
			"application/xml, text/html", "not a media type" })
	void apiClientDoesNotPreferHtml(String accept) {
		assertThat(AcceptHeader.prefersHtml(List.of(accept))).isFalse();
	}

	@ParameterizedTest(name = "Accept: {0}")
	@ValueSource(strings = { "" })
	void clientThatSaysNothingDoesNotPreferHtml(String accept) {
		assertThat(AcceptHeader.prefersHtml(List.of())).isFalse();
		assertThat(AcceptHeader.prefersHtml(List.of(accept))).isFalse();
	}

	@ParameterizedTest(name = "Accept: {0}, then {1}")
	@ValueSource(strings = { "application/json" })
	void readsEveryAcceptHeader(String api) {
		assertThat(AcceptHeader.prefersHtml(List.of(api, "text/html"))).isFalse();
		assertThat(AcceptHeader.prefersHtml(List.of("text/html", api))).isTrue();
	}

}
