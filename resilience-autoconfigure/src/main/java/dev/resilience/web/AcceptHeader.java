package dev.resilience.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Reads a request's {@code Accept} header to tell a browser from an API client.
 *
 * @author Resilience
 */
final class AcceptHeader {

	private AcceptHeader() {
	}

	/**
	 * Whether the client prefers an HTML page: the concrete type it accepts with the
	 * highest quality, the first such if several tie, is {@code text/html} or
	 * {@code application/xhtml+xml}. Wildcards say nothing about HTML, so
	 * {@code *}{@code /*} and a missing or unreadable header do not.
	 * @param values the values of the {@code Accept} header
	 * @return {@code true} for a client that prefers HTML, such as a browser
	 */
	static boolean prefersHtml(List<String> values) {
		List<MediaType> accepted;
		try {
			accepted = new ArrayList<>(MediaType.parseMediaTypes(values));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
		// a stable sort: among equal qualities the client's order stands
		accepted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
		for (MediaType type : accepted) {
			if (!type.isWildcardType() && !type.isWildcardSubtype() && type.getQualityValue() > 0) {
				return MediaType.TEXT_HTML.isCompatibleWith(type)
						|| MediaType.APPLICATION_XHTML_XML.isCompatibleWith(type);
			}
		}
		return false;
	}

}
