package dev.resilience.aop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import dev.resilience.annotation.CircuitBreaker;
import dev.resilience.annotation.Retry;
import dev.resilience.autoconfigure.ResilienceAutoConfiguration;
import dev.resilience.circuitbreaker.CircuitBreakerRegistry;
import dev.resilience.retry.RetryRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Regression tests for the place of the resilience advisor among Spring's own: it was
 * outside {@code @Cacheable} (cache hits counted as breaker calls, an open breaker
 * refused what the cache held) and outside {@code @Async} (an asynchronous method was
 * tried once and its failure counted as a success), by accident of post-processor order.
 *
 * @author Resilience
 */
class SpringAdvisorOrderTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ResilienceAutoConfiguration.class))
		.withPropertyValues("resilience.retry.defaults.wait-duration=1ms", "resilience.retry.defaults.jitter=0",
				"resilience.retry.defaults.max-attempts=3");

	@Test
	void aCacheHitIsNotACallOfTheBreaker() {
		this.runner.withUserConfiguration(Caching.class).withBean(CachedQuotes.class).run((context) -> {
			CachedQuotes quotes = context.getBean(CachedQuotes.class);
			assertThat(quotes.quote("plum")).isEqualTo("quote:plum");
			assertThat(quotes.quote("plum")).isEqualTo("quote:plum");
			assertThat(quotes.calls()).hasValue(1);
			assertThat(context.getBean(CircuitBreakerRegistry.class).get("quotes").metrics().bufferedCalls())
				.isEqualTo(1);
		});
	}

	@Test
	void aForcedOpenBreakerStillLetsTheCacheAnswer() {
		this.runner.withUserConfiguration(Caching.class).withBean(CachedQuotes.class).run((context) -> {
			CachedQuotes quotes = context.getBean(CachedQuotes.class);
			quotes.quote("plum");
			context.getBean(CircuitBreakerRegistry.class)
				.get("quotes")
				.transitionTo(dev.resilience.circuitbreaker.CircuitBreaker.State.FORCED_OPEN);
			assertThat(quotes.quote("plum")).isEqualTo("quote:plum");
		});
	}

	@Test
	void anExplicitOrderBelowTheCachesPutsTheBreakerOutsideTheCache() {
		this.runner.withUserConfiguration(Caching.class)
			.withBean(CachedQuotes.class)
			.withPropertyValues("resilience.interceptor-order=0")
			.run((context) -> {
				CachedQuotes quotes = context.getBean(CachedQuotes.class);
				quotes.quote("plum");
				quotes.quote("plum");
				assertThat(quotes.calls()).hasValue(1);
				assertThat(context.getBean(CircuitBreakerRegistry.class).get("quotes").metrics().bufferedCalls())
					.isEqualTo(2);
			});
	}

	@Test
	void everyRetryAttemptRunsInATransactionOfItsOwn() {
		this.runner.withUserConfiguration(Transactions.class).withBean(Ledger.class).run((context) -> {
			Ledger ledger = context.getBean(Ledger.class);
			ledger.failures().set(2);
			ledger.book("plum");
			assertThat(ledger.transactions()).hasSize(3).doesNotHaveDuplicates();
			// the first two attempts were rolled back
			assertThat(context.getBean(JdbcTemplate.class).queryForObject("select count(*) from entry", Integer.class))
				.isEqualTo(1);
		});
	}

	@Test
	void retriesAnAsyncVoidMethodOnTheThreadThatRunsIt() {
		this.runner.withUserConfiguration(Asynchronous.class).withBean(Notifier.class).run((context) -> {
			Notifier notifier = context.getBean(Notifier.class);
			notifier.failures().set(2);
			notifier.send("hello");
			await().untilAsserted(
					() -> assertThat(context.getBean(RetryRegistry.class).get("notify").metrics().successWithRetry())
						.isEqualTo(1));
			assertThat(notifier.threads()).hasSize(3).doesNotContain(Thread.currentThread().getName());
		});
	}

	@Test
	void countsAFailingAsyncVoidMethodAsAFailure() {
		this.runner.withUserConfiguration(Asynchronous.class).withBean(Notifier.class).run((context) -> {
			Notifier notifier = context.getBean(Notifier.class);
			notifier.failures().set(10);
			notifier.send("hello");
			await().untilAsserted(
					() -> assertThat(context.getBean(RetryRegistry.class).get("notify").metrics().failureWithRetry())
						.isEqualTo(1));
			assertThat(context.getBean(CircuitBreakerRegistry.class).get("notify").metrics().failedCalls())
				.isEqualTo(3);
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableCaching
	static class Caching {

		@Bean
		ConcurrentMapCacheManager cacheManager() {
			return new ConcurrentMapCacheManager();
		}

	}

	static class CachedQuotes {

		private final AtomicInteger calls = new AtomicInteger();

		AtomicInteger calls() {
			return this.calls;
		}

		@Cacheable("quotes")
		@CircuitBreaker(name = "quotes")
		public String quote(String sku) {
			this.calls.incrementAndGet();
			return "quote:" + sku;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableTransactionManagement
	static class Transactions {

		@Bean
		DataSource dataSource() {
			return new EmbeddedDatabaseBuilder().generateUniqueName(true)
				.setType(EmbeddedDatabaseType.H2)
				.addScript("classpath:dev/resilience/aop/ledger.sql")
				.build();
		}

		@Bean
		DataSourceTransactionManager transactionManager(DataSource dataSource) {
			return new DataSourceTransactionManager(dataSource);
		}

		@Bean
		JdbcTemplate jdbcTemplate(DataSource dataSource) {
			return new JdbcTemplate(dataSource);
		}

	}

	static class Ledger {

		private final AtomicInteger failures = new AtomicInteger();

		private final List<String> transactions = new CopyOnWriteArrayList<>();

		private final JdbcTemplate jdbc;

		Ledger(JdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		AtomicInteger failures() {
			return this.failures;
		}

		List<String> transactions() {
			return this.transactions;
		}

		@Retry(name = "ledger")
		@Transactional
		public void book(String item) {
			this.transactions
				.add(String.valueOf(TransactionSynchronizationManager.getResource(this.jdbc.getDataSource())));
			this.jdbc.update("insert into entry (item) values (?)", item);
			if (this.failures.getAndDecrement() > 0) {
				throw new UncheckedIOException(new IOException("ledger unreachable"));
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAsync
	static class Asynchronous {

	}

	static class Notifier {

		private final AtomicInteger failures = new AtomicInteger();

		private final List<String> threads = new CopyOnWriteArrayList<>();

		AtomicInteger failures() {
			return this.failures;
		}

		List<String> threads() {
			return this.threads;
		}

		@Async
		@Retry(name = "notify")
		@CircuitBreaker(name = "notify")
		public void send(String message) {
			this.threads.add(Thread.currentThread().getName());
			if (this.failures.getAndDecrement() > 0) {
				throw new UncheckedIOException(new IOException("mail server down"));
			}
		}

	}

}
