package dev.resilience.sample.orders;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * What a simulated partner has done and undone, by reference. Undoing is idempotent, as a
 * compensation must be: undoing twice, or undoing what this process never saw (it was
 * done before a restart), changes nothing more.
 *
 * @author Resilience
 */
final class Ledger {

	private static final Log logger = LogFactory.getLog(Ledger.class);

	private final String partner;

	private final Map<String, String> entries = new ConcurrentHashMap<>();

	Ledger(String partner) {
		this.partner = partner;
	}

	void done(String reference, String what) {
		this.entries.put(reference, "done: " + what);
		logger.info(this.partner + ": " + what + " (" + reference + ")");
	}

	void undone(String reference, String what) {
		String before = this.entries.put(reference, "undone: " + what);
		if (before != null && before.startsWith("undone")) {
			logger.info(this.partner + ": " + reference + " was undone already");
			return;
		}
		logger.info(this.partner + ": " + what + " (" + reference + ")");
	}

	Map<String, String> entries() {
		return Map.copyOf(this.entries);
	}

}
