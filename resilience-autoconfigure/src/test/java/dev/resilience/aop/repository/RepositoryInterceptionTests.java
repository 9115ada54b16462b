package dev.resilience.aop.repository;

import dev.resilience.autoconfigure.ResilienceAutoConfiguration;
import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerOpenException;
import dev.resilience.circuitbreaker.CircuitBreakerRegistry;
import dev.resilience.retry.RetryRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Regression tests for annotations on Spring Data repository interfaces, whose
 * implementation the framework writes: they were silently ignored, and with
 * {@code @Cacheable} on the same repository the start failed asking to make a method of
 * the JDK proxy non-final.
 *
 * @author Resilience
 */
class RepositoryInterceptionTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
				DataJpaRepositoriesAutoConfiguration.class, ResilienceAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:owners-${random.uuid}",
				"spring.jpa.hibernate.ddl-auto=create-drop", "resilience.retry.defaults.wait-duration=1ms",
				"resilience.retry.defaults.jitter=0", "resilience.retry.defaults.max-attempts=3")
		.withUserConfiguration(Repositories.class);

	@Test
	void retriesAMethodOfARepositoryInterface() {
		this.runner.run((context) -> {
			OwnerRepository owners = context.getBean(OwnerRepository.class);
			owners.save(new Owner("Davis"));
			OwnerRepository.FAILURES.set(2);
			assertThat(owners.flakyCount()).isEqualTo(1);
			assertThat(context.getBean(RetryRegistry.class).get("owners").metrics().successWithRetry()).isEqualTo(1);
		});
	}

	@Test
	void appliesATypeLevelAnnotationToTheMethodsTheRepositoryInherits() {
		this.runner.run((context) -> {
			OwnerRepository owners = context.getBean(OwnerRepository.class);
			owners.save(new Owner("Davis"));
			assertThat(owners.findAll()).hasSize(1);
			assertThat(context.getBean(RetryRegistry.class).get("owners").metrics().successWithoutRetry()).isEqualTo(2);
		});
	}

	@Test
	void guardsAQueryMethodWithItsBreakerAndAnswersWithADefaultMethodFallback() {
		this.runner.run((context) -> {
			OwnerRepository owners = context.getBean(OwnerRepository.class);
			owners.save(new Owner("Davis"));
			assertThat(owners.findByLastName("Davis")).extracting(Owner::getLastName).containsExactly("Davis");
			CircuitBreaker breaker = context.getBean(CircuitBreakerRegistry.class).get("owners-by-name");
			assertThat(breaker.metrics().bufferedCalls()).isEqualTo(1);
			breaker.transitionTo(CircuitBreaker.State.FORCED_OPEN);
			assertThat(owners.findByLastName("Davis")).extracting(Owner::getLastName).containsExactly("fallback:Davis");
		});
	}

	@Test
	void startsWithACacheAndABreakerOnOneRepositoryAndServesCacheHitsWithoutTheBreaker() {
		this.runner.withUserConfiguration(Caching.class).run((context) -> {
			assertThat(context).hasNotFailed();
			CachedOwnerRepository owners = context.getBean(CachedOwnerRepository.class);
			context.getBean(OwnerRepository.class).save(new Owner("Davis"));
			assertThat(owners.findByLastName("Davis")).hasSize(1);
			assertThat(owners.findByLastName("Davis")).hasSize(1);
			CircuitBreaker breaker = context.getBean(CircuitBreakerRegistry.class).get("cached-owners");
			assertThat(breaker.metrics().bufferedCalls()).isEqualTo(1);
			breaker.transitionTo(CircuitBreaker.State.FORCED_OPEN);
			assertThat(owners.findByLastName("Davis")).hasSize(1);
			assertThatExceptionOfType(CircuitBreakerOpenException.class)
				.isThrownBy(() -> owners.findByLastName("Evans"));
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = Owner.class)
	@EnableJpaRepositories(basePackageClasses = Owner.class)
	static class Repositories {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableCaching
	static class Caching {

		@Bean
		CacheManager cacheManager() {
			return new ConcurrentMapCacheManager();
		}

	}

}
