package dev.resilience.circuitbreaker;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

import dev.resilience.circuitbreaker.CircuitBreaker.Outcome;
import dev.resilience.circuitbreaker.CircuitBreaker.State;
import dev.resilience.testsupport.ManualTimeSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * Tests for {@link CircuitBreaker#execute} and {@link CircuitBreaker#executeAsync}.
 *
 * @author Resilience
 */
class CircuitBreakerExecuteTests {

	private final ManualTimeSource clock = new ManualTimeSource();

	private final CircuitBreakerConfig config = CircuitBreakerConfig.builder()
		.slidingWindowSize(2)
		.minimumNumberOfCalls(2)
		.failureRateThreshold(50)
		.slowCallDurationThreshold(Duration.ofSeconds(1))
		.permittedCallsInHalfOpenState(1)
		.build();

	private final CircuitBreaker breaker = Calls.breaker(this.config, this.clock);

	private final List<Outcome> outcomes = new ArrayList<>();

	private final List<Long> durations = new ArrayList<>();

	private final AtomicInteger invocations = new AtomicInteger();

	CircuitBreakerExecuteTests() {
		this.breaker.addCallObserver((outcome, duration) -> {
			this.outcomes.add(outcome);
			this.durations.add(duration);
		});
	}

	@Test
	void executeReturnsTheResultAndRecordsSuccess() throws Throwable {
		String result = this.breaker.execute("sku-1", (sku) -> "stock of " + sku);
		assertThat(result).isEqualTo("stock of sku-1");
		assertThat(this.breaker.metrics().successfulCalls()).isEqualTo(1);
		assertThat(this.outcomes).containsExactly(Outcome.SUCCESS);
	}

	@Test
	void executeRethrowsTheErrorAndRecordsFailure() {
		IOException failure = new IOException("reset");
		assertThatIOException().isThrownBy(() -> this.breaker.execute("sku-1", (sku) -> {
			throw failure;
		})).isSameAs(failure);
		assertThat(this.breaker.metrics().failedCalls()).isEqualTo(1);
		assertThat(this.outcomes).containsExactly(Outcome.FAILURE);
	}

	@Test
	void executeRejectsWithoutCallingWhenOpen() {
		this.breaker.transitionTo(State.OPEN);
		assertThatExceptionOfType(CircuitBreakerOpenException.class)
			.isThrownBy(() -> this.breaker.execute("sku-1", this::count));
		assertThat(this.invocations).hasValue(0);
		assertThat(this.outcomes).containsExactly(Outcome.NOT_PERMITTED);
		assertThat(this.breaker.metrics().notPermittedCalls()).isEqualTo(1);
	}

	@Test
	void executeTimesTheCallOnItsClock() throws Throwable {
		this.breaker.execute("sku-1", (sku) -> {
			this.clock.advance(Duration.ofMillis(1200));
			return sku;
		});
		assertThat(this.outcomes).containsExactly(Outcome.SLOW_SUCCESS);
		assertThat(this.durations).containsExactly(Duration.ofMillis(1200).toNanos());
	}

	@Test
	void executeGivesBackTheTrialSlotOfACancelledCall() throws Throwable {
		this.breaker.transitionTo(State.OPEN);
		this.clock.advanceSeconds(60);
		assertThatExceptionOfType(CancellationException.class).isThrownBy(() -> this.breaker.execute("sku-1", (sku) -> {
			throw new CancellationException();
		}));
		assertThat(this.breaker.state()).isEqualTo(State.HALF_OPEN);
		assertThat(this.outcomes).isEmpty();
		String result = this.breaker.execute("sku-2", (sku) -> sku);
		assertThat(result).isEqualTo("sku-2");
		assertThat(this.breaker.state()).isEqualTo(State.CLOSED);
	}

	@Test
	void executeAsyncRecordsTheOutcomeWhenTheStageCompletes() {
		CompletableFuture<String> downstream = new CompletableFuture<>();
		CompletableFuture<String> result = this.breaker.executeAsync("sku-1", (sku) -> downstream);
		assertThat(result).isNotDone();
		assertThat(this.breaker.metrics().bufferedCalls()).isZero();
		this.clock.advance(Duration.ofMillis(300));
		downstream.complete("stock");
		assertThat(result).isCompletedWithValue("stock");
		assertThat(this.outcomes).containsExactly(Outcome.SUCCESS);
		assertThat(this.durations).containsExactly(Duration.ofMillis(300).toNanos());
	}

	@Test
	void executeAsyncRecordsAFailedStage() {
		CompletableFuture<String> downstream = new CompletableFuture<>();
		CompletableFuture<String> result = this.breaker.executeAsync("sku-1", (sku) -> downstream);
		this.clock.advanceSeconds(2);
		IOException failure = new IOException("reset");
		downstream.completeExceptionally(failure);
		assertThat(result).isCompletedExceptionally();
		assertThatExceptionOfType(CompletionException.class).isThrownBy(result::join).withCause(failure);
		assertThat(this.outcomes).containsExactly(Outcome.SLOW_FAILURE);
	}

	@Test
	void executeAsyncRecordsAStageFailedInADependentStage() {
		CompletableFuture<String> downstream = new CompletableFuture<>();
		CompletableFuture<String> result = this.breaker.executeAsync("sku-1", (sku) -> downstream.thenApply((value) -> {
			throw new IllegalArgumentException("bad sku");
		}));
		downstream.complete("stock");
		assertThat(result).isCompletedExceptionally();
		assertThat(this.outcomes).containsExactly(Outcome.IGNORED);
	}

	@Test
	void executeAsyncReturnsAFailedFutureWhenRejected() {
		this.breaker.transitionTo(State.FORCED_OPEN);
		CompletableFuture<String> result = this.breaker.executeAsync("sku-1",
				(sku) -> CompletableFuture.completedFuture(count(sku)));
		assertThat(result).isCompletedExceptionally();
		assertThatExceptionOfType(CompletionException.class).isThrownBy(result::join)
			.withCauseInstanceOf(CircuitBreakerOpenException.class);
		assertThat(this.invocations).hasValue(0);
		assertThat(this.outcomes).containsExactly(Outcome.NOT_PERMITTED);
	}

	@Test
	void executeAsyncReturnsAFailedFutureAndRecordsWhenTheCallThrows() {
		IOException failure = new IOException("refused");
		CompletableFuture<String> result = this.breaker.executeAsync("sku-1", (sku) -> {
			throw failure;
		});
		assertThatExceptionOfType(CompletionException.class).isThrownBy(result::join).withCause(failure);
		assertThat(this.outcomes).containsExactly(Outcome.FAILURE);
	}

	@Test
	void executeAsyncOpensTheBreakerBeforeCompletingTheFuture() {
		CompletableFuture<String> first = this.breaker.executeAsync("sku-1",
				(sku) -> CompletableFuture.failedFuture(new IOException()));
		CompletableFuture<State> stateSeen = this.breaker
			.executeAsync("sku-2", (sku) -> CompletableFuture.<String>failedFuture(new IOException()))
			.handle((value, error) -> this.breaker.state());
		assertThat(first).isCompletedExceptionally();
		assertThat(stateSeen).isCompletedWithValue(State.OPEN);
	}

	@Test
	void executeAsyncGivesBackTheTrialSlotOfACancelledStage() {
		this.breaker.transitionTo(State.OPEN);
		this.clock.advanceSeconds(60);
		CompletableFuture<String> downstream = new CompletableFuture<>();
		CompletableFuture<String> result = this.breaker.executeAsync("sku-1", (sku) -> downstream);
		assertThat(this.breaker.tryAcquirePermission()).isFalse();
		downstream.cancel(true);
		assertThat(result).isCompletedExceptionally();
		assertThat(this.breaker.tryAcquirePermission()).isTrue();
	}

	@Test
	void executeAsyncCompletesTheFutureEvenWhenAnObserverThrows() {
		this.breaker.addCallObserver((outcome, duration) -> {
			throw new IllegalStateException("broken observer");
		});
		CompletableFuture<String> downstream = new CompletableFuture<>();
		CompletableFuture<String> result = this.breaker.executeAsync("sku-1", (sku) -> downstream);
		downstream.complete("stock");
		assertThat(result).isCompletedWithValue("stock");
		assertThat(this.breaker.metrics().successfulCalls()).isEqualTo(1);
	}

	private String count(String sku) {
		this.invocations.incrementAndGet();
		return sku;
	}

}
