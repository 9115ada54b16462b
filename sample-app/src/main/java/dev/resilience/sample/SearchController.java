package dev.resilience.sample;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shop's catalogue search, {@code GET /api/search?q=...}, limited per user as named
 * by the {@code X-User-Id} header; requests without one share the bucket of
 * {@value #ANONYMOUS}.
 *
 * @author Resilience
 * @since 0.1.0
 */
@RestController
class SearchController {

	static final String ANONYMOUS = "anonymous";

	private final CatalogSearch search;

	SearchController(CatalogSearch search) {
		this.search = search;
	}

	@GetMapping("/api/search")
	SearchResult search(@RequestHeader(name = "X-User-Id", defaultValue = ANONYMOUS) String userId,
			@RequestParam(name = "q", defaultValue = "") String query) {
		return this.search.search(userId, query);
	}

}
