package dev.resilience.sample;

import java.time.Duration;
import java.time.Instant;

import dev.resilience.annotation.Bulkhead;

import org.springframework.stereotype.Service;

/**
 * Builds reports, which takes about a second of heavy work each. The bulkhead lets only a
 * few be built at once, so that a burst of report requests cannot take every request
 * thread (and the database connections a real report would hold) from the rest of the
 * shop.
 * <p>
 * No fallback: there is no cheaper report to answer with, and a 200 saying "try later"
 * would tell HTTP clients, caches and monitoring that the request succeeded. A full
 * bulkhead answers 503 with a problem detail instead, which clients and load balancers
 * know to retry elsewhere or later.
 *
 * @author Resilience
 * @since 0.1.0
 */
@Service
public class ReportService {

	static final Duration WORK = Duration.ofSeconds(1);

	/**
	 * Build a report.
	 * @param id the report
	 * @return the report
	 */
	@Bulkhead(name = "reports")
	public Report report(String id) {
		Instant started = Instant.now();
		SimulatedDelay.await(WORK, "Report " + id);
		return new Report(id, "Sales report " + id, started, Instant.now());
	}

}
