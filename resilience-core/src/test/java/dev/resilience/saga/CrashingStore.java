package dev.resilience.saga;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A store through which a process dies at a chosen write: that write and every later one
 * fail with {@link ProcessDeath} and are not applied, as if the process had stopped just
 * before it.
 */
final class CrashingStore extends DelegatingStore {

	private final int crashAt;

	private final AtomicInteger writes = new AtomicInteger();

	CrashingStore(SagaStore delegate, int crashAt) {
		super(delegate);
		this.crashAt = crashAt;
	}

	@Override
	void beforeWrite(String operation) {
		if (this.writes.incrementAndGet() >= this.crashAt) {
			throw new ProcessDeath(operation);
		}
	}

	/**
	 * Stands for the death of the process: an {@code Error}, which the engine does not
	 * handle.
	 */
	static final class ProcessDeath extends Error {

		ProcessDeath(String operation) {
			super("process died before " + operation);
		}

	}

}
