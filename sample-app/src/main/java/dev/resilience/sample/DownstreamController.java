package dev.resilience.sample;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shows and changes how the simulated inventory service behaves, to watch the shop cope:
 * {@code PUT /api/downstream} with {@code {"failureRate": 1.0, "latency": "PT0.05S"}}; a
 * missing field keeps its value.
 *
 * @author Resilience
 * @since 0.1.0
 */
@RestController
@RequestMapping("/api/downstream")
class DownstreamController {

	private final FlakyDownstream downstream;

	DownstreamController(FlakyDownstream downstream) {
		this.downstream = downstream;
	}

	@GetMapping
	DownstreamSettings settings() {
		return this.downstream.settings();
	}

	@PutMapping
	DownstreamSettings change(@RequestBody DownstreamSettings change) {
		return this.downstream.change(change);
	}

	@ExceptionHandler
	ProblemDetail badSettings(IllegalArgumentException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

}
