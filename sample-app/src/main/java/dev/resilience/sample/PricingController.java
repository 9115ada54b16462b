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
 * Shows and changes how slow the simulated pricing service is, to watch the shop cope:
 * {@code PUT /api/pricing} with {@code {"latency": "PT2S"}}.
 *
 * @author Resilience
 * @since 0.1.0
 */
@RestController
@RequestMapping("/api/pricing")
class PricingController {

	private final SlowPricing pricing;

	PricingController(SlowPricing pricing) {
		this.pricing = pricing;
	}

	@GetMapping
	PricingSettings settings() {
		return this.pricing.settings();
	}

	@PutMapping
	PricingSettings change(@RequestBody PricingSettings change) {
		return this.pricing.change(change);
	}

	@ExceptionHandler
	ProblemDetail badSettings(IllegalArgumentException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

}
