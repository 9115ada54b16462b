package dev.resilience.autoconfigure;

import java.util.Map;

import dev.resilience.bulkhead.BulkheadConfig;

/**
 * Turns {@code resilience.bulkhead.*} into validated engine configurations.
 *
 * @author Resilience
 */
final class BulkheadConfigs {

	static final String PREFIX = "resilience.bulkhead";

	private BulkheadConfigs() {
	}

	static BulkheadConfig defaults(Instances<BulkheadProperties> settings) {
		return SettingsReader.defaults(PREFIX, settings, BulkheadConfigs::toConfig);
	}

	static Map<String, BulkheadConfig> instances(Instances<BulkheadProperties> settings) {
		return SettingsReader.instances(PREFIX, settings, BulkheadConfigs::toConfig);
	}

	private static BulkheadConfig toConfig(SettingsReader<BulkheadProperties> reader) {
		return BulkheadConfig.builder()
			.maxConcurrentCalls(reader
				.get("max-concurrent-calls", BulkheadProperties::getMaxConcurrentCalls,
						BulkheadConfig.DEFAULT_MAX_CONCURRENT_CALLS)
				.within(BulkheadConfig.ALLOWED_MAX_CONCURRENT_CALLS)
				.value())
			.maxWaitDuration(reader
				.get("max-wait-duration", BulkheadProperties::getMaxWaitDuration,
						BulkheadConfig.DEFAULT_MAX_WAIT_DURATION)
				.within(BulkheadConfig.ALLOWED_MAX_WAIT_DURATION)
				.value())
			.build();
	}

}
