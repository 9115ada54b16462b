package dev.resilience.autoconfigure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.resilience.bulkhead.BulkheadConfig;
import dev.resilience.circuitbreaker.CircuitBreakerConfig;
import dev.resilience.core.Bound;
import dev.resilience.ratelimiter.RateLimiterConfig;
import dev.resilience.ratelimiter.redis.RedisPermitStoreFactory;
import dev.resilience.retry.RetryConfig;
import dev.resilience.saga.CompensationRetryConfig;
import dev.resilience.saga.SagaCoordinator;
import dev.resilience.saga.jdbc.JdbcSagaStore;
import dev.resilience.timelimiter.TimeLimiterConfig;
import org.jspecify.annotations.Nullable;

/**
 * Which engine default and bound each {@code resilience.*} property stands for: the one
 * place that ties a property name to the engine's {@code DEFAULT_*} and {@code ALLOWED_*}
 * constants, so that everything written about the property elsewhere can be compared with
 * them.
 *
 * @author Resilience
 */
final class EngineSettings {

	/**
	 * Properties with no default to compare: maps of instances, and a setting that is
	 * unset unless the application sets it.
	 */
	static final Set<String> WITHOUT_DEFAULT = Set.of("resilience.interceptor-order", "resilience.retry.instances",
			"resilience.circuit-breaker.instances", "resilience.rate-limiter.instances",
			"resilience.bulkhead.instances", "resilience.time-limiter.instances");

	private EngineSettings() {
	}

	/**
	 * Return the engine setting of every property that has a default.
	 * @return the settings by full property name
	 */
	static Map<String, Declared> all() {
		Map<String, Declared> settings = new LinkedHashMap<>();
		Group retry = new Group(settings, "resilience.retry.defaults.");
		retry.add("max-attempts", RetryConfig.DEFAULT_MAX_ATTEMPTS, RetryConfig.ALLOWED_MAX_ATTEMPTS);
		retry.add("wait-duration", RetryConfig.DEFAULT_WAIT_DURATION, RetryConfig.ALLOWED_WAIT_DURATION);
		retry.add("backoff", RetryConfig.DEFAULT_BACKOFF, null);
		retry.add("multiplier", RetryConfig.DEFAULT_MULTIPLIER, RetryConfig.ALLOWED_MULTIPLIER);
		retry.add("max-wait-duration", RetryConfig.DEFAULT_MAX_WAIT_DURATION, RetryConfig.ALLOWED_MAX_WAIT_DURATION);
		retry.add("jitter", RetryConfig.DEFAULT_JITTER, RetryConfig.ALLOWED_JITTER);
		retry.add("retry-exceptions", RetryConfig.DEFAULT_RETRY_EXCEPTIONS.types(), null);
		retry.add("ignore-exceptions", RetryConfig.DEFAULT_IGNORE_EXCEPTIONS.types(), null);
		Group breaker = new Group(settings, "resilience.circuit-breaker.defaults.");
		breaker.add("sliding-window-type", CircuitBreakerConfig.DEFAULT_SLIDING_WINDOW_TYPE, null);
		breaker.add("sliding-window-size", CircuitBreakerConfig.DEFAULT_SLIDING_WINDOW_SIZE,
				CircuitBreakerConfig.ALLOWED_SLIDING_WINDOW_SIZE);
		breaker.add("minimum-number-of-calls", CircuitBreakerConfig.DEFAULT_MINIMUM_NUMBER_OF_CALLS,
				CircuitBreakerConfig.ALLOWED_MINIMUM_NUMBER_OF_CALLS);
		breaker.add("failure-rate-threshold", CircuitBreakerConfig.DEFAULT_FAILURE_RATE_THRESHOLD,
				CircuitBreakerConfig.ALLOWED_FAILURE_RATE_THRESHOLD);
		breaker.add("slow-call-duration-threshold", CircuitBreakerConfig.DEFAULT_SLOW_CALL_DURATION_THRESHOLD,
				CircuitBreakerConfig.ALLOWED_SLOW_CALL_DURATION_THRESHOLD);
		breaker.add("slow-call-rate-threshold", CircuitBreakerConfig.DEFAULT_SLOW_CALL_RATE_THRESHOLD,
				CircuitBreakerConfig.ALLOWED_SLOW_CALL_RATE_THRESHOLD);
		breaker.add("wait-duration-in-open-state", CircuitBreakerConfig.DEFAULT_WAIT_DURATION_IN_OPEN_STATE,
				CircuitBreakerConfig.ALLOWED_WAIT_DURATION_IN_OPEN_STATE);
		breaker.add("permitted-calls-in-half-open-state",
				CircuitBreakerConfig.DEFAULT_PERMITTED_CALLS_IN_HALF_OPEN_STATE,
				CircuitBreakerConfig.ALLOWED_PERMITTED_CALLS_IN_HALF_OPEN_STATE);
		breaker.add("record-exceptions", CircuitBreakerConfig.DEFAULT_RECORD_EXCEPTIONS.types(), null);
		breaker.add("ignore-exceptions", CircuitBreakerConfig.DEFAULT_IGNORE_EXCEPTIONS.types(), null);
		breaker.add("health-affects-status", CircuitBreakerConfig.DEFAULT_HEALTH_AFFECTS_STATUS, null);
		Group limiter = new Group(settings, "resilience.rate-limiter.defaults.");
		limiter.add("algorithm", RateLimiterConfig.DEFAULT_ALGORITHM, null);
		limiter.add("limit", RateLimiterConfig.DEFAULT_LIMIT, RateLimiterConfig.ALLOWED_LIMIT);
		limiter.add("period", RateLimiterConfig.DEFAULT_PERIOD, RateLimiterConfig.ALLOWED_PERIOD);
		limiter.add("burst", RateLimiterConfig.DEFAULT_BURST, RateLimiterConfig.ALLOWED_BURST);
		limiter.add("timeout", RateLimiterConfig.DEFAULT_TIMEOUT, RateLimiterConfig.ALLOWED_TIMEOUT);
		limiter.add("max-keys", RateLimiterConfig.DEFAULT_MAX_KEYS, RateLimiterConfig.ALLOWED_MAX_KEYS);
		limiter.add("backend", RateLimiterConfig.DEFAULT_BACKEND, null);
		limiter.add("redis-failure-mode", RateLimiterConfig.DEFAULT_REDIS_FAILURE_MODE, null);
		Group redis = new Group(settings, "resilience.rate-limiter.redis.");
		redis.add("command-timeout", RedisPermitStoreFactory.DEFAULT_COMMAND_TIMEOUT,
				RedisPermitStoreFactory.ALLOWED_COMMAND_TIMEOUT);
		redis.add("probe-interval", RedisPermitStoreFactory.DEFAULT_PROBE_INTERVAL,
				RedisPermitStoreFactory.ALLOWED_PROBE_INTERVAL);
		Group bulkhead = new Group(settings, "resilience.bulkhead.defaults.");
		bulkhead.add("max-concurrent-calls", BulkheadConfig.DEFAULT_MAX_CONCURRENT_CALLS,
				BulkheadConfig.ALLOWED_MAX_CONCURRENT_CALLS);
		bulkhead.add("max-wait-duration", BulkheadConfig.DEFAULT_MAX_WAIT_DURATION,
				BulkheadConfig.ALLOWED_MAX_WAIT_DURATION);
		Group timeLimiter = new Group(settings, "resilience.time-limiter.defaults.");
		timeLimiter.add("timeout", TimeLimiterConfig.DEFAULT_TIMEOUT, TimeLimiterConfig.ALLOWED_TIMEOUT);
		timeLimiter.add("cancel-running", TimeLimiterConfig.DEFAULT_CANCEL_RUNNING, null);
		Group saga = new Group(settings, "resilience.saga.");
		saga.add("jdbc.retention", SagaRecoveryScheduler.DEFAULT_RETENTION, SagaRecoveryScheduler.ALLOWED_RETENTION);
		saga.add("jdbc.table-prefix", JdbcSagaStore.DEFAULT_TABLE_PREFIX, null);
		saga.add("recovery.interval", SagaRecoveryScheduler.DEFAULT_INTERVAL, SagaRecoveryScheduler.ALLOWED_INTERVAL);
		saga.add("recovery.lease", SagaCoordinator.DEFAULT_LEASE, SagaCoordinator.ALLOWED_LEASE);
		saga.add("compensation-retry.max-attempts", CompensationRetryConfig.DEFAULT_MAX_ATTEMPTS,
				CompensationRetryConfig.ALLOWED_MAX_ATTEMPTS);
		saga.add("compensation-retry.wait-duration", CompensationRetryConfig.DEFAULT_WAIT_DURATION,
				CompensationRetryConfig.ALLOWED_WAIT_DURATION);
		// no engine behind these: the initialiser of the properties field is the default
		ResilienceProperties properties = new ResilienceProperties();
		new Group(settings, "resilience.").add("enabled", properties.isEnabled(), null);
		saga.add("store", properties.getSaga().getStore(), null);
		saga.add("jdbc.initialize-schema", properties.getSaga().getJdbc().getInitializeSchema(), null);
		saga.add("recovery.enabled", properties.getSaga().getRecovery().isEnabled(), null);
		return Collections.unmodifiableMap(settings);
	}

	/**
	 * The engine default a property stands for, and the engine bound of its values.
	 *
	 * @param defaultValue the engine default
	 * @param bound the engine bound, or {@code null} when any value of its type is
	 * allowed
	 */
	record Declared(Object defaultValue, @Nullable Bound<?> bound) {

	}

	private record Group(Map<String, Declared> settings, String prefix) {

		<T> void add(String key, T defaultValue, @Nullable Bound<T> bound) {
			this.settings.put(this.prefix + key, new Declared(defaultValue, bound));
		}

	}

}
