package dev.resilience.aop;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.ProxyMethodInvocation;

/**
 * Gives each attempt of one method's retry an invocation positioned at the method's
 * resilience interceptor, so that proceeding runs every interceptor behind it and the
 * method again. Where {@link RewindCheck} found that Spring's invocations can be rewound,
 * every attempt runs on the intercepted invocation itself: the first, the common one,
 * costs nothing extra, and a later one moves it back to the interceptor. Otherwise each
 * attempt runs on a copy made with {@code invocableClone()}, which leaves the original
 * where it was.
 *
 * @author Resilience
 */
final class InvocationRewinder {

	private static final Log logger = LogFactory.getLog(InvocationRewinder.class);

	private static final String REWINDING = "Retries re-run the interceptor chain by rewinding Spring's "
			+ "ReflectiveMethodInvocation";

	private static final String COPYING = "Retries re-run the interceptor chain on a copy of the invocation for "
			+ "each attempt (invocableClone), because ";

	private static final AtomicReference<String> reported = new AtomicReference<>("");

	private static final LongAdder rewindingCreated = new LongAdder();

	private static final LongAdder copyingCreated = new LongAdder();

	private static volatile boolean copiesForced;

	private final @Nullable ChainPosition position;

	// The chain element that runs this retry, learnt on the first attempt of the first
	// call, when the invocation is still positioned at it
	private volatile @Nullable Object interceptor;

	InvocationRewinder(@Nullable ChainPosition position) {
		this.position = position;
	}

	/**
	 * Create the rewinder of one method's retry, rewinding if this classpath allows, and
	 * say in the log which way retries go the first time it is decided (and, should tests
	 * force copies, whenever it changes).
	 * @return the rewinder
	 */
	static InvocationRewinder create() {
		return create(RewindCheck.result(), copiesForced);
	}

	/**
	 * Create a rewinder as the given check allows.
	 * @param check the outcome of the check
	 * @param forced whether to copy in any case
	 * @return the rewinder
	 */
	static InvocationRewinder create(RewindCheck check, boolean forced) {
		ChainPosition position = forced ? null : check.position();
		if (position != null) {
			report(REWINDING, false);
			rewindingCreated.increment();
		}
		else {
			report(COPYING + (forced ? "copies were forced" : check.failure()), !forced);
			copyingCreated.increment();
		}
		return new InvocationRewinder(position);
	}

	private static void report(String message, boolean warning) {
		if (message.equals(reported.getAndSet(message))) {
			return;
		}
		if (warning) {
			logger.warn(message);
		}
		else {
			logger.info(message);
		}
	}

	/**
	 * Make the retries of the pipelines built from now on copy the invocation for each
	 * attempt even where it can be rewound, or stop doing so. For tests of that path.
	 * @param forced whether to force copies
	 */
	static void forceCopies(boolean forced) {
		copiesForced = forced;
	}

	/**
	 * Return how many rewinders that rewind, or that copy, have been created so far.
	 * @param rewinding whether to count those that rewind
	 * @return the count
	 */
	static long created(boolean rewinding) {
		return (rewinding ? rewindingCreated : copyingCreated).sum();
	}

	/**
	 * Whether this rewinder rewinds the invocations it can, rather than copy them all.
	 * @return {@code true} if it rewinds
	 */
	boolean rewinds() {
		return this.position != null;
	}

	/**
	 * Return the invocation an attempt runs on: the intercepted one, positioned at the
	 * resilience interceptor, or a copy of it. Once an attempt has run on the intercepted
	 * invocation, every later one does too: a copy is only good while the original has
	 * not moved on.
	 * @param invocation the intercepted invocation
	 * @return the invocation for the attempt
	 */
	ProxyMethodInvocation forAttempt(ProxyMethodInvocation invocation) {
		ChainPosition position = this.position;
		if (position == null || !position.handles(invocation)) {
			return (ProxyMethodInvocation) invocation.invocableClone();
		}
		List<?> chain = position.chain(invocation);
		int current = position.index(invocation);
		Object interceptor = this.interceptor;
		if (current >= 0 && current < chain.size()) {
			Object positioned = chain.get(current);
			if (positioned == interceptor) {
				return invocation;
			}
			if (interceptor == null) {
				// The first attempt ever: the element there is the one that called this
				// retry
				this.interceptor = positioned;
				return invocation;
			}
		}
		else if (interceptor == null) {
			// Not called from a chain, so nothing to learn
			return (ProxyMethodInvocation) invocation.invocableClone();
		}
		for (int i = 0; i < chain.size(); i++) {
			if (chain.get(i) == interceptor) {
				position.moveTo(invocation, i);
				return invocation;
			}
		}
		throw new IllegalStateException("The interceptor of this retry is not in the chain of " + invocation);
	}

}
