package dev.resilience.sample;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shop's reports, {@code GET /api/reports/{id}}, built a few at a time.
 *
 * @author Resilience
 * @since 0.1.0
 */
@RestController
class ReportController {

	private final ReportService reports;

	ReportController(ReportService reports) {
		this.reports = reports;
	}

	@GetMapping("/api/reports/{id}")
	Report report(@PathVariable String id) {
		return this.reports.report(id);
	}

}
