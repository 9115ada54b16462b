package dev.resilience.saga;

/**
 * A compensation held in memory, bound to what it undoes.
 *
 * @author Resilience
 */
@FunctionalInterface
interface MemoryCompensation {

	void run() throws Exception;

}
