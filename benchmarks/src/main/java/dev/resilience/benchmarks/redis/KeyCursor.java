package dev.resilience.benchmarks.redis;

import dev.resilience.benchmarks.Settings;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * Each thread's turn through the {@link Settings#REDIS_KEYS keys} of the many-keys
 * benchmarks, starting at a different key for each thread so that two threads seldom ask
 * for the same bucket at once.
 *
 * @author Resilience
 * @since 0.1.0
 */
@State(Scope.Thread)
public class KeyCursor {

	private int next;

	@Setup(Level.Trial)
	public void start(ThreadParams thread) {
		this.next = thread.getThreadIndex() * (Settings.REDIS_KEYS / thread.getThreadCount());
	}

	/**
	 * Return the index of the key to use now, and move on.
	 * @return an index below {@link Settings#REDIS_KEYS}
	 */
	int next() {
		int key = this.next;
		this.next = (key + 1 < Settings.REDIS_KEYS) ? key + 1 : 0;
		return key;
	}

}
