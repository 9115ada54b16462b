package dev.resilience.aop;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs a test class with every retry attempt on a copy of the invocation, the way taken
 * where Spring's invocations cannot be rewound, then restores rewinding for the classes
 * that follow in the same JVM. Fails the class if it built a pipeline that rewinds, or
 * none that copies: its tests would then not have tried that way.
 *
 * @author Resilience
 */
class CopiedInvocations implements BeforeAllCallback, AfterAllCallback {

	private static final Namespace NAMESPACE = Namespace.create(CopiedInvocations.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		Store store = context.getStore(NAMESPACE);
		store.put("rewinding", InvocationRewinder.created(true));
		store.put("copying", InvocationRewinder.created(false));
		InvocationRewinder.forceCopies(true);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		InvocationRewinder.forceCopies(false);
		Store store = context.getStore(NAMESPACE);
		assertThat(InvocationRewinder.created(true)).as("retry pipelines built that rewind")
			.isEqualTo(store.get("rewinding", Long.class));
		assertThat(InvocationRewinder.created(false)).as("retry pipelines built that copy")
			.isGreaterThan(store.get("copying", Long.class));
	}

}
