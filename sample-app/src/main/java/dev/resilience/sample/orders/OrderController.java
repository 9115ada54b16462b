package dev.resilience.sample.orders;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Places orders, {@code POST /api/orders} with {@code {"sku": "apple", "quantity": 2,
 * "amountCents": 1999}}, and shows and changes how the partners behave,
 * {@code PUT /api/orders/simulation} with {@code {"failStep": "charge"}}. A placed order
 * answers 201; a failed one 502 with the id of its compensated saga.
 *
 * @author Resilience
 * @since 0.1.0
 */
@RestController
@RequestMapping("/api/orders")
class OrderController {

	private final OrderService orders;

	private final OrderSimulation simulation;

	OrderController(OrderService orders, OrderSimulation simulation) {
		this.orders = orders;
		this.simulation = simulation;
	}

	@PostMapping
	ResponseEntity<OrderConfirmation> place(@RequestBody OrderRequest order) {
		OrderConfirmation placed = this.orders.place(order);
		return ResponseEntity.created(URI.create("/actuator/resilience/sagas/" + placed.sagaId())).body(placed);
	}

	@GetMapping("/simulation")
	OrderSimulation.Settings simulation() {
		return this.simulation.settings();
	}

	@PutMapping("/simulation")
	OrderSimulation.Settings changeSimulation(@RequestBody OrderSimulation.Change change) {
		return this.simulation.change(change);
	}

	@ExceptionHandler
	ProblemDetail orderFailed(OrderFailedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, ex.getMessage());
		problem.setTitle("Order failed");
		problem.setProperty("sagaId", ex.getSagaId());
		problem.setProperty("saga", "/actuator/resilience/sagas/" + ex.getSagaId());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail badRequest(IllegalArgumentException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

}
