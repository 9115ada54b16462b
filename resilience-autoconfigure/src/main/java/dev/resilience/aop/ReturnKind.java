package dev.resilience.aop;

import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * How a method delivers its outcome, which decides how each pattern waits and records.
 *
 * @author Resilience
 * @since 0.1.0
 */
public enum ReturnKind {

	/**
	 * A plain value, {@code void}, or a thrown exception.
	 */
	SYNC,

	/**
	 * A {@code CompletionStage} or {@code CompletableFuture}.
	 */
	COMPLETION_STAGE,

	/**
	 * A Reactor {@code Mono}.
	 */
	MONO,

	/**
	 * A Reactor {@code Flux}.
	 */
	FLUX;

	private static final boolean REACTOR_PRESENT = ClassUtils.isPresent("reactor.core.publisher.Mono",
			ReturnKind.class.getClassLoader());

	/**
	 * Return how the given method delivers its outcome.
	 * @param method the method
	 * @return its kind, or {@code null} for an asynchronous type the patterns cannot
	 * return (a {@code CompletionStage} subtype other than {@code CompletableFuture})
	 */
	static @Nullable ReturnKind of(Method method) {
		Class<?> type = method.getReturnType();
		if (type == CompletionStage.class || type == CompletableFuture.class) {
			return COMPLETION_STAGE;
		}
		if (CompletionStage.class.isAssignableFrom(type)) {
			return null;
		}
		if (REACTOR_PRESENT) {
			if ("reactor.core.publisher.Mono".equals(type.getName())) {
				return MONO;
			}
			if ("reactor.core.publisher.Flux".equals(type.getName())) {
				return FLUX;
			}
		}
		return SYNC;
	}

	boolean isReactive() {
		return this == MONO || this == FLUX;
	}

}
