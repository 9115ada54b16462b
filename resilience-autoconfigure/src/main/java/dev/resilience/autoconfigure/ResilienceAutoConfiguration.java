package dev.resilience.autoconfigure;

import java.util.Map;

import dev.resilience.aop.BulkheadBinding;
import dev.resilience.aop.CircuitBreakerBinding;
import dev.resilience.aop.PatternBinding;
import dev.resilience.aop.RateLimitedBinding;
import dev.resilience.aop.ResilienceBeanPostProcessor;
import dev.resilience.aop.RetryBinding;
import dev.resilience.aop.TimeLimitedBinding;
import dev.resilience.bulkhead.BulkheadRegistry;
import dev.resilience.circuitbreaker.CircuitBreakerRegistry;
import dev.resilience.core.ErrorClassifier;
import dev.resilience.core.Scheduler;
import dev.resilience.core.Sleeper;
import dev.resilience.core.TimeSource;
import dev.resilience.ratelimiter.PermitStoreFactory;
import dev.resilience.ratelimiter.RateLimiterConfig;
import dev.resilience.ratelimiter.RateLimiterRegistry;
import dev.resilience.retry.RetryRegistry;
import dev.resilience.core.ContextPropagator;
import dev.resilience.timelimiter.TimeLimiterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * Auto-configuration of the resilience patterns: their registries, configured from
 * {@link ResilienceProperties}, and the proxies that apply the annotations. With
 * {@code resilience.enabled=false} nothing is configured and the annotations are inert.
 * <p>
 * The engines read {@link TimeSource#system()} unless the application defines a
 * {@link TimeSource} bean, for example a clock that an integration test advances.
 *
 * @author Resilience
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "resilience.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ResilienceProperties.class)
public final class ResilienceAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	static ResilienceBeanPostProcessor resilienceBeanPostProcessor(ObjectProvider<PatternBinding<?>> bindings,
			Environment environment) {
		// read through the Binder: binding ResilienceProperties here would create it
		// before
		// the post-processors that should see it
		Integer order = Binder.get(environment).bind("resilience.interceptor-order", Integer.class).orElse(null);
		return new ResilienceBeanPostProcessor(bindings, order);
	}

	@Bean
	@ConditionalOnMissingBean
	RetryRegistry retryRegistry(ResilienceProperties properties, ObjectProvider<ErrorClassifier> classifier,
			ObjectProvider<TimeSource> timeSource, ObjectProvider<ContextPropagator> propagator,
			ResourceLoader resourceLoader) {
		ClassLoader classLoader = resourceLoader.getClassLoader();
		return new RetryRegistry(RetryConfigs.defaults(properties.getRetry(), classLoader),
				RetryConfigs.instances(properties.getRetry(), classLoader),
				classifier.getIfAvailable(ErrorClassifier::defaults), timeSource.getIfAvailable(TimeSource::system),
				Sleeper.system(), Scheduler.commonPool(), propagator.getIfAvailable(ContextPropagators::forClasspath));
	}

	@Bean
	@ConditionalOnMissingBean
	CircuitBreakerRegistry circuitBreakerRegistry(ResilienceProperties properties,
			ObjectProvider<ErrorClassifier> classifier, ObjectProvider<TimeSource> timeSource,
			ResourceLoader resourceLoader) {
		ClassLoader classLoader = resourceLoader.getClassLoader();
		return new CircuitBreakerRegistry(CircuitBreakerConfigs.defaults(properties.getCircuitBreaker(), classLoader),
				CircuitBreakerConfigs.instances(properties.getCircuitBreaker(), classLoader),
				classifier.getIfAvailable(ErrorClassifier::defaults), timeSource.getIfAvailable(TimeSource::system));
	}

	@Bean
	@ConditionalOnMissingBean
	RateLimiterRegistry rateLimiterRegistry(ResilienceProperties properties,
			ObjectProvider<PermitStoreFactory> redisStores, ObjectProvider<TimeSource> timeSource) {
		RateLimiterConfig defaults = RateLimiterConfigs.defaults(properties.getRateLimiter());
		Map<String, RateLimiterConfig> instances = RateLimiterConfigs.instances(properties.getRateLimiter());
		// defined by ResilienceRedisAutoConfiguration when the application has Redis
		PermitStoreFactory redis = redisStores.getIfAvailable();
		if (redis == null) {
			RateLimiterConfigs.requireNoRedisBackend(properties.getRateLimiter());
		}
		return new RateLimiterRegistry(defaults, instances, timeSource.getIfAvailable(TimeSource::system),
				Sleeper.system(), Scheduler.commonPool(), redis);
	}

	@Bean
	@ConditionalOnMissingBean
	BulkheadRegistry bulkheadRegistry(ResilienceProperties properties, ObjectProvider<TimeSource> timeSource) {
		return new BulkheadRegistry(BulkheadConfigs.defaults(properties.getBulkhead()),
				BulkheadConfigs.instances(properties.getBulkhead()), timeSource.getIfAvailable(TimeSource::system),
				Scheduler.commonPool());
	}

	@Bean
	@ConditionalOnMissingBean
	TimeLimiterExecutor resilienceTimeLimiterExecutor() {
		return new TimeLimiterExecutor(TimeLimiterRegistry.newDefaultExecutor());
	}

	@Bean
	@ConditionalOnMissingBean
	TimeLimiterRegistry timeLimiterRegistry(ResilienceProperties properties, TimeLimiterExecutor executor,
			ObjectProvider<ContextPropagator> propagator) {
		return new TimeLimiterRegistry(TimeLimiterConfigs.defaults(properties.getTimeLimiter()),
				TimeLimiterConfigs.instances(properties.getTimeLimiter()), executor.executor(), Scheduler.commonPool(),
				propagator.getIfAvailable(ContextPropagators::forClasspath));
	}

	@Bean
	@ConditionalOnMissingBean
	RetryBinding retryBinding(RetryRegistry retryRegistry) {
		return new RetryBinding(retryRegistry);
	}

	@Bean
	@ConditionalOnMissingBean
	CircuitBreakerBinding circuitBreakerBinding(CircuitBreakerRegistry circuitBreakerRegistry) {
		return new CircuitBreakerBinding(circuitBreakerRegistry);
	}

	@Bean
	@ConditionalOnMissingBean
	RateLimitedBinding rateLimitedBinding(RateLimiterRegistry rateLimiterRegistry) {
		return new RateLimitedBinding(rateLimiterRegistry);
	}

	@Bean
	@ConditionalOnMissingBean
	BulkheadBinding bulkheadBinding(BulkheadRegistry bulkheadRegistry) {
		return new BulkheadBinding(bulkheadRegistry);
	}

	@Bean
	@ConditionalOnMissingBean
	TimeLimitedBinding timeLimitedBinding(TimeLimiterRegistry timeLimiterRegistry) {
		return new TimeLimitedBinding(timeLimiterRegistry);
	}

}
