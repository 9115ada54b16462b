package dev.resilience.ratelimiter;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;

/**
 * The permit of a caller that does not block, once a remote store answers: the answer is
 * counted, then the future completes with the wait, or fails with the rejection or the
 * store's own failure.
 *
 * @author Resilience
 */
final class RemotePermit implements BiConsumer<Long, @Nullable Throwable> {

	private final CompletableFuture<Long> future = new CompletableFuture<>();

	private final RateLimiterRecorder recorder;

	RemotePermit(RateLimiterRecorder recorder) {
		this.recorder = recorder;
	}

	CompletableFuture<Long> future() {
		return this.future;
	}

	@Override
	public void accept(Long answer, @Nullable Throwable failure) {
		if (failure != null) {
			this.future.completeExceptionally((failure instanceof CompletionException && failure.getCause() != null)
					? failure.getCause() : failure);
			return;
		}
		long result = this.recorder.record(answer);
		if (result < 0) {
			this.future.completeExceptionally(this.recorder.rejection(result));
		}
		else {
			this.future.complete(result);
		}
	}

}
