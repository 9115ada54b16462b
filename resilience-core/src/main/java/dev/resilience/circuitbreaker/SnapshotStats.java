package dev.resilience.circuitbreaker;

/**
 * Call statistics kept under a lock, whose figures are all read through one consistent
 * {@link #snapshot()}: reading them is not on a call's path, so the small copy is fine.
 *
 * @author Resilience
 */
interface SnapshotStats extends CallStats {

	@Override
	default int bufferedCalls() {
		return snapshot().bufferedCalls();
	}

	@Override
	default int failedCalls() {
		return snapshot().failedCalls();
	}

	@Override
	default int slowCalls() {
		return snapshot().slowCalls();
	}

	@Override
	default int successfulCalls() {
		return snapshot().successfulCalls();
	}

	@Override
	default float failureRate() {
		return snapshot().failureRate();
	}

	@Override
	default float slowCallRate() {
		return snapshot().slowCallRate();
	}

}
