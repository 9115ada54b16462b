package dev.resilience.autoconfigure;

import java.util.Map;

import dev.resilience.core.ContextPropagator;
import io.micrometer.context.ContextSnapshotFactory;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

import org.springframework.util.ClassUtils;

/**
 * Carries the caller's context into the thread that runs a time-limited call: the logging
 * MDC, and whatever Micrometer's context-propagation knows (tracing, security context)
 * when it is on the classpath.
 *
 * @author Resilience
 */
final class ContextPropagators {

	private static final boolean CONTEXT_PROPAGATION_PRESENT = ClassUtils
		.isPresent("io.micrometer.context.ContextSnapshotFactory", ContextPropagators.class.getClassLoader());

	private static final boolean SLF4J_PRESENT = ClassUtils.isPresent("org.slf4j.MDC",
			ContextPropagators.class.getClassLoader());

	private ContextPropagators() {
	}

	static ContextPropagator forClasspath() {
		ContextPropagator mdc = SLF4J_PRESENT ? Mdc.PROPAGATOR : ContextPropagator.none();
		return CONTEXT_PROPAGATION_PRESENT ? Snapshots.propagator(mdc) : mdc;
	}

	/**
	 * Copies the MDC. Context-propagation may copy it too; copying twice is harmless.
	 */
	private static final class Mdc {

		static final ContextPropagator PROPAGATOR = (task) -> {
			Map<String, String> captured = MDC.getCopyOfContextMap();
			return () -> {
				Map<String, String> previous = MDC.getCopyOfContextMap();
				set(captured);
				try {
					task.run();
				}
				finally {
					set(previous);
				}
			};
		};

		private static void set(@Nullable Map<String, String> context) {
			if (context != null) {
				MDC.setContextMap(context);
			}
			else {
				MDC.clear();
			}
		}

	}

	/**
	 * Captures every registered thread-local accessor's value.
	 */
	private static final class Snapshots {

		static ContextPropagator propagator(ContextPropagator mdc) {
			ContextSnapshotFactory factory = ContextSnapshotFactory.builder().build();
			return (task) -> factory.captureAll().wrap(mdc.wrap(task));
		}

	}

}
