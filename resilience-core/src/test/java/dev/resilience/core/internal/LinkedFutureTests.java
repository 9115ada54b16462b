package dev.resilience.core.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link LinkedFuture}.
 *
 * @author Resilience
 */
class LinkedFutureTests {

	@Test
	void cancellingItCancelsTheStageItFollows() {
		LinkedFuture<String> future = new LinkedFuture<>();
		CompletableFuture<String> stage = new CompletableFuture<>();
		future.follow(stage);
		assertThat(future.cancel(true)).isTrue();
		assertThat(stage).isCancelled();
	}

	@Test
	void followingAfterItWasCancelledCancelsTheStageAtOnce() {
		LinkedFuture<String> future = new LinkedFuture<>();
		future.cancel(false);
		CompletableFuture<String> stage = new CompletableFuture<>();
		future.follow(stage);
		assertThat(stage).isCancelled();
	}

	@Test
	void cancelsOnlyTheLastStageItFollows() {
		LinkedFuture<String> future = new LinkedFuture<>();
		CompletableFuture<String> first = new CompletableFuture<>();
		CompletableFuture<String> second = new CompletableFuture<>();
		future.follow(first);
		future.follow(second);
		future.cancel(true);
		assertThat(first).isNotDone();
		assertThat(second).isCancelled();
	}

	@Test
	void cancellingACompletedFutureLeavesTheStageAlone() {
		LinkedFuture<String> future = new LinkedFuture<>();
		CompletableFuture<String> stage = new CompletableFuture<>();
		future.follow(stage);
		future.complete("done");
		assertThat(future.cancel(true)).isFalse();
		assertThat(stage).isNotDone();
	}

	@Test
	void aStageThatCannotBeConvertedIsLeftRunning() {
		LinkedFuture<String> future = new LinkedFuture<>();
		CompletionStage<String> stage = new CompletableFuture<String>().minimalCompletionStage();
		future.follow(stage);
		assertThatNoException().isThrownBy(() -> future.cancel(true));
		assertThat(future).isCancelled();
	}

}
