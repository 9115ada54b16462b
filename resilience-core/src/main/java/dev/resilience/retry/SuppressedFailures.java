package dev.resilience.retry;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Collects the failures of earlier attempts and attaches them to the last one, each once
 * and never to itself.
 *
 * @author Resilience
 */
final class SuppressedFailures {

	private SuppressedFailures() {
	}

	/**
	 * Add a failure to a list created on the first failure, so that a call that succeeds
	 * at once allocates none.
	 * @param failures the failures so far, or {@code null} if none
	 * @param failure the new failure
	 * @return the list holding the new failure
	 */
	static List<Throwable> add(@Nullable List<Throwable> failures, Throwable failure) {
		List<Throwable> list = (failures != null) ? failures : new ArrayList<>(4);
		list.add(failure);
		return list;
	}

	/**
	 * Attach the earlier failures to the last one as suppressed exceptions, in order.
	 * @param last the failure that ends the call
	 * @param earlier the failures of earlier attempts, or {@code null} if none
	 * @return {@code last}
	 */
	static Throwable attach(Throwable last, @Nullable List<Throwable> earlier) {
		if (earlier != null) {
			for (Throwable failure : earlier) {
				if (failure != last && !isSuppressed(last, failure)) {
					last.addSuppressed(failure);
				}
			}
		}
		return last;
	}

	private static boolean isSuppressed(Throwable last, Throwable failure) {
		for (Throwable suppressed : last.getSuppressed()) {
			if (suppressed == failure) {
				return true;
			}
		}
		return false;
	}

}
