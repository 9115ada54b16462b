package dev.resilience.aop;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

import dev.resilience.annotation.Saga;
import dev.resilience.annotation.SagaStep;
import dev.resilience.saga.SagaContext;

/**
 * Annotated beans for the saga tests: an order saga over three steps whose compensations
 * record what they were given.
 *
 * @author Resilience
 */
final class SagaServices {

	private SagaServices() {
	}

	record Card(String number, long cents) {
	}

	/**
	 * What the steps and compensations did, and where the test makes them fail.
	 */
	static class Journal {

		final List<String> entries = new CopyOnWriteArrayList<>();

		volatile String failAt = "";

		volatile RuntimeException failure = new IllegalArgumentException("declined");

		final AtomicInteger failingCompensations = new AtomicInteger();

		volatile UUID sagaId;

		void step(String name) {
			this.entries.add(name);
			if (name.equals(this.failAt)) {
				throw this.failure;
			}
		}

	}

	static class Inventory {

		private final Journal journal;

		Inventory(Journal journal) {
			this.journal = journal;
		}

		@SagaStep(name = "reserve", compensation = "release")
		public String reserve(String sku, int quantity) {
			this.journal.step("reserve");
			return "hold-" + sku;
		}

		public void release(String sku, int quantity, String hold) {
			if (this.journal.failingCompensations.getAndDecrement() > 0) {
				throw new IllegalStateException("inventory unavailable");
			}
			this.journal.entries.add("release(" + sku + ", " + quantity + ", " + hold + ")");
		}

	}

	static class Payments {

		private final Journal journal;

		Payments(Journal journal) {
			this.journal = journal;
		}

		@SagaStep(name = "charge", compensation = "refund")
		public long charge(Card card, long cents) {
			this.journal.step("charge");
			return 42L;
		}

		void refund(Card card, long cents) {
			this.journal.entries.add("refund(" + card + ", " + cents + ")");
		}

		@SagaStep(name = "authorize", compensation = "voidAuthorization")
		public CompletableFuture<String> authorize(Card card) {
			this.journal.step("authorize");
			return CompletableFuture.completedFuture("auth-" + card.number());
		}

		public void voidAuthorization(Card card, String authorization) {
			this.journal.entries.add("voidAuthorization(" + card + ", " + authorization + ")");
		}

	}

	static class Shipping {

		private final Journal journal;

		Shipping(Journal journal) {
			this.journal = journal;
		}

		@SagaStep(name = "ship", compensation = "cancel")
		public String ship(List<String> items) {
			this.journal.step("ship");
			return "track-" + items.size();
		}

		public void cancel(List<String> items, String tracking) {
			this.journal.entries.add("cancel(" + items + ", " + tracking + ")");
		}

		@SagaStep
		public String lookup(String sku) {
			this.journal.step("lookup");
			return sku;
		}

	}

	static class Orders {

		private final Journal journal;

		private final Inventory inventory;

		private final Payments payments;

		private final Shipping shipping;

		Orders(Journal journal, Inventory inventory, Payments payments, Shipping shipping) {
			this.journal = journal;
			this.inventory = inventory;
			this.payments = payments;
			this.shipping = shipping;
		}

		@Saga(name = "place-order")
		public String place(String sku) {
			this.journal.sagaId = SagaContext.current().id();
			this.shipping.lookup(sku);
			String hold = this.inventory.reserve(sku, 2);
			this.payments.charge(new Card("4242", 1999), 1999);
			String tracking = this.shipping.ship(List.of("a", "b"));
			this.journal.step("end");
			return hold + "/" + tracking;
		}

		@Saga
		public String placeInParallel(String sku, Executor executor) {
			this.journal.sagaId = SagaContext.current().id();
			Executor sagaExecutor = SagaContext.wrap(executor);
			CompletableFuture<String> hold = CompletableFuture.supplyAsync(() -> this.inventory.reserve(sku, 1),
					sagaExecutor);
			CompletableFuture<String> authorization = CompletableFuture
				.supplyAsync(() -> this.payments.authorize(new Card("1111", 5)), sagaExecutor)
				.thenCompose((stage) -> stage);
			String result = hold.join() + "/" + authorization.join();
			this.journal.step("end");
			return result;
		}

	}

	static class Unstorable {

		public String getValue() {
			throw new IllegalStateException("cannot be read");
		}

	}

	static class UnstorableSteps {

		@SagaStep(name = "store", compensation = "undo")
		public String store(Unstorable value) {
			return "stored";
		}

		void undo(Unstorable value) {
		}

	}

	static class UnstorableSaga {

		private final UnstorableSteps steps;

		UnstorableSaga(UnstorableSteps steps) {
			this.steps = steps;
		}

		@Saga(name = "unstorable")
		public String run() {
			return this.steps.store(new Unstorable());
		}

	}

	static class MissingCompensation {

		@SagaStep(name = "reserve", compensation = "nowhere")
		public String reserve(String sku, int quantity) {
			return sku;
		}

	}

	static class IllTypedCompensation {

		@SagaStep(name = "reserve", compensation = "release")
		public String reserve(String sku, int quantity) {
			return sku;
		}

		void release(String sku, long quantity, Integer hold) {
		}

	}

	static class AsyncSaga {

		@Saga(name = "async")
		public CompletableFuture<String> place(String sku) {
			return CompletableFuture.completedFuture(sku);
		}

	}

	static class SagaAndStep {

		@Saga(name = "both")
		@SagaStep(name = "both")
		public String place(String sku) {
			return sku;
		}

	}

}
