package dev.resilience.autoconfigure;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import dev.resilience.annotation.Saga;
import dev.resilience.aop.BeanCompensator;
import dev.resilience.aop.InvalidResilienceAnnotationException;
import dev.resilience.aop.JacksonStepCodec;
import dev.resilience.aop.SagaBinding;
import dev.resilience.aop.SagaStepBinding;
import dev.resilience.saga.InMemorySagaStore;
import dev.resilience.saga.SagaCoordinator;
import dev.resilience.saga.SagaExecution;
import dev.resilience.saga.SagaState;
import dev.resilience.saga.SagaStore;
import dev.resilience.saga.SagaTemplate;
import dev.resilience.saga.jdbc.JdbcSagaStore;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link ResilienceSagaAutoConfiguration}.
 *
 * @author Resilience
 */
class ResilienceSagaAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ResilienceSagaAutoConfiguration.class));

	private final ApplicationContextRunner sagaRunner = this.runner.withBean(Orders.class);

	@Test
	void definesAnInMemorySagaSetUpWithTheDefaults() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(SagaTemplate.class)
				.hasSingleBean(SagaBinding.class)
				.hasSingleBean(SagaStepBinding.class)
				.hasSingleBean(JacksonStepCodec.class)
				.hasSingleBean(BeanCompensator.class);
			assertThat(context.getBean(SagaStore.class)).isInstanceOf(InMemorySagaStore.class);
			SagaCoordinator coordinator = context.getBean(SagaCoordinator.class);
			assertThat(coordinator.compensationRetry().maxAttempts()).isEqualTo(5);
			assertThat(coordinator.compensationRetry().waitDuration()).isEqualTo(Duration.ofSeconds(1));
			assertThat(coordinator.lease()).isEqualTo(Duration.ofMinutes(1));
			assertThat(coordinator.instanceId()).isNotEmpty();
		});
	}

	@Test
	void appliesTheConfiguredCompensationRetryAndLease() {
		this.runner
			.withPropertyValues("resilience.saga.store=memory", "resilience.saga.compensation-retry.max-attempts=7",
					"resilience.saga.compensation-retry.wait-duration=250ms", "resilience.saga.recovery.lease=2m")
			.run((context) -> {
				SagaCoordinator coordinator = context.getBean(SagaCoordinator.class);
				assertThat(coordinator.compensationRetry().maxAttempts()).isEqualTo(7);
				assertThat(coordinator.compensationRetry().waitDuration()).isEqualTo(Duration.ofMillis(250));
				assertThat(coordinator.lease()).isEqualTo(Duration.ofMinutes(2));
			});
	}

	@Test
	void jdbcStoreWithoutADataSourceFailsTheStartNamingPropertyAndValue() {
		this.runner.withPropertyValues("resilience.saga.store=jdbc")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("resilience.saga.store")
				.hasMessageContaining("jdbc")
				.hasMessageContaining("needs a single DataSource bean"));
	}

	@Test
	void keepsTheSagaLogInTheDataSourceAndCreatesItsTablesOnAnEmbeddedDatabase() {
		this.sagaRunner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID())
			.run((context) -> {
				assertThat(context.getBean(SagaStore.class)).isInstanceOf(JdbcSagaStore.class);
				assertThat(context).hasSingleBean(SagaSchemaInitializer.class);
				assertThat(context.getBean(SagaCoordinator.class).store()).isSameAs(context.getBean(SagaStore.class));
				assertThat(tables(context)).contains("RESILIENCE_SAGA", "RESILIENCE_SAGA_STEP");
			});
	}

	@Test
	void createsTheTablesWithTheConfiguredPrefixAndUsesThem() {
		this.sagaRunner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(),
					"resilience.saga.jdbc.table-prefix=SHOP_")
			.run((context) -> {
				assertThat(tables(context)).contains("SHOP_SAGA", "SHOP_SAGA_STEP").doesNotContain("RESILIENCE_SAGA");
				SagaCoordinator coordinator = context.getBean(SagaCoordinator.class);
				String result = coordinator.run("place-order", "x", (value) -> value);
				assertThat(result).isEqualTo("x");
				assertThat(JdbcClient.create(context.getBean(DataSource.class))
					.sql("SELECT COUNT(*) FROM SHOP_SAGA")
					.query(Long.class)
					.single()).isEqualTo(1L);
			});
	}

	@Test
	void createsNoTablesWhenToldNever() {
		this.runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(),
					"resilience.saga.jdbc.initialize-schema=never")
			.run((context) -> {
				assertThat(context.getBean(SagaStore.class)).isInstanceOf(JdbcSagaStore.class);
				assertThat(tables(context)).doesNotContain("RESILIENCE_SAGA");
			});
	}

	@Test
	void keepsTheSagaLogInMemoryWhenToldSoDespiteADataSource() {
		this.runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(),
					"resilience.saga.store=MEMORY")
			.run((context) -> {
				assertThat(context.getBean(SagaStore.class)).isInstanceOf(InMemorySagaStore.class);
				assertThat(context).doesNotHaveBean(SagaSchemaInitializer.class);
				assertThat(tables(context)).doesNotContain("RESILIENCE_SAGA");
			});
	}

	@Test
	void keepsTheSagaLogInMemoryWithoutSpringJdbc() {
		this.runner.withClassLoader(new FilteredClassLoader(JdbcClient.class))
			.withBean(DataSource.class, () -> new SimpleDriverDataSource())
			.run((context) -> assertThat(context.getBean(SagaStore.class)).isInstanceOf(InMemorySagaStore.class));
	}

	@Test
	void invalidTablePrefixFailsTheStartNamingPropertyAndValue() {
		this.runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(),
					"resilience.saga.jdbc.table-prefix=shop; DROP TABLE x;")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("resilience.saga.jdbc.table-prefix")
				.hasMessageContaining("shop; DROP TABLE x;")
				.hasMessageContaining("letters, digits and underscores"));
	}

	@Test
	void recoversOnStartAndRenewsLeasesWhileRunning() {
		this.sagaRunner.withPropertyValues("resilience.saga.recovery.interval=1h")
			.run((context) -> assertThat(context.getBean(SagaRecoveryScheduler.class).isRunning()).isTrue());
	}

	@Test
	void recoversSagasLeftByAStoppedInstanceWhenTheContextStarts() {
		InMemorySagaStore store = new InMemorySagaStore();
		UUID stale = createStaleSaga(store);
		this.sagaRunner.withBean(SagaStore.class, () -> store)
			.run((context) -> await().atMost(Duration.ofSeconds(10))
				.untilAsserted(
						() -> assertThat(store.find(stale).orElseThrow().state()).isEqualTo(SagaState.COMPENSATED)));
	}

	@Test
	void leavesStaleSagasAloneWhenRecoveryIsDisabled() {
		InMemorySagaStore store = new InMemorySagaStore();
		UUID stale = createStaleSaga(store);
		this.sagaRunner.withBean(SagaStore.class, () -> store)
			.withPropertyValues("resilience.saga.recovery.enabled=false")
			.run((context) -> {
				SagaRecoveryScheduler scheduler = context.getBean(SagaRecoveryScheduler.class);
				assertThat(scheduler.isRunning()).isTrue();
				assertThat(store.find(stale).orElseThrow().state()).isEqualTo(SagaState.RUNNING);
				assertThat(scheduler.recover()).isEqualTo(1);
				assertThat(store.find(stale).orElseThrow().state()).isEqualTo(SagaState.COMPENSATED);
			});
	}

	@Test
	void deletesFinishedSagasPastTheirRetentionFromTheDatabase() {
		this.sagaRunner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(),
					"resilience.saga.jdbc.retention=1h", "resilience.saga.recovery.interval=1h")
			.run((context) -> {
				SagaStore store = context.getBean(SagaStore.class);
				UUID old = UUID.randomUUID();
				Instant longAgo = Instant.now().minus(Duration.ofHours(2));
				store.createSaga(SagaExecution.start(old, "place-order", longAgo, "a", longAgo.plusSeconds(60)));
				store.updateState(old, "a", SagaState.COMPLETED, null, longAgo);
				String result = context.getBean(SagaCoordinator.class).run("place-order", "x", (value) -> value);
				assertThat(result).isEqualTo("x");
				// the round on start may have deleted it already
				context.getBean(SagaRecoveryScheduler.class).deleteExpired();
				assertThat(store.find(old)).isEmpty();
				assertThat(store.countsByState().get("place-order")).containsEntry(SagaState.COMPLETED, 1L);
			});
	}

	@Test
	void keepsFinishedSagasWhenRetentionIsZero() {
		this.sagaRunner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(),
					"resilience.saga.jdbc.retention=0s")
			.run((context) -> {
				SagaStore store = context.getBean(SagaStore.class);
				UUID old = UUID.randomUUID();
				Instant longAgo = Instant.now().minus(Duration.ofDays(400));
				store.createSaga(SagaExecution.start(old, "place-order", longAgo, "a", longAgo.plusSeconds(60)));
				store.updateState(old, "a", SagaState.COMPLETED, null, longAgo);
				assertThat(context.getBean(SagaRecoveryScheduler.class).deleteExpired()).isZero();
				assertThat(store.find(old)).isPresent();
			});
	}

	@Test
	void negativeRetentionFailsTheStartNamingTheProperty() {
		this.sagaRunner.withPropertyValues("resilience.saga.jdbc.retention=-1s")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("resilience.saga.jdbc.retention"));
	}

	@Test
	void invalidRecoveryIntervalFailsTheStartNamingTheProperty() {
		this.sagaRunner.withPropertyValues("resilience.saga.recovery.interval=0s")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("resilience.saga.recovery.interval"));
	}

	@Test
	void applicationWithoutSagasGetsNoSagaTablesAndNoRecoveryThread() {
		Set<Thread> before = sagaThreads();
		this.runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID())
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean(SagaSchemaInitializer.class)
					.doesNotHaveBean(SagaRecoveryScheduler.class);
				assertThat(tables(context)).doesNotContain("RESILIENCE_SAGA", "RESILIENCE_SAGA_STEP");
				assertThat(sagaThreads()).isSubsetOf(before);
			});
	}

	@Test
	void applicationWithoutSagasNeverConnectsToItsDatabaseForSagas() {
		AtomicInteger connections = new AtomicInteger();
		this.runner.withBean(DataSource.class, () -> countingConnections(connections))
			.withPropertyValues("resilience.saga.recovery.interval=10ms")
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(SagaRecoveryScheduler.class);
				// ten recovery intervals would pass in this window if recovery ran
				await().during(Duration.ofMillis(100))
					.atMost(Duration.ofSeconds(5))
					.untilAsserted(() -> assertThat(connections).hasValue(0));
			});
	}

	@Test
	void missingSagaTablesFailTheStartNamingTheSettingAndTheScript() {
		this.sagaRunner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(),
					"resilience.saga.jdbc.initialize-schema=never")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("RESILIENCE_SAGA, RESILIENCE_SAGA_STEP")
					.hasMessageContaining("resilience.saga.jdbc.initialize-schema=always")
					.hasMessageContaining("dev/resilience/saga/jdbc/schema-h2.sql");
			});
	}

	@Test
	void missingSagaTablesWithAPrefixFailTheStartNamingThePrefixedTables() {
		this.sagaRunner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(),
					"resilience.saga.jdbc.initialize-schema=never", "resilience.saga.jdbc.table-prefix=SHOP_")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("SHOP_SAGA, SHOP_SAGA_STEP")
				.hasMessageContaining("RESILIENCE_ replaced by SHOP_"));
	}

	@Test
	void sagasRunOnTablesTheApplicationCreatedItself() {
		this.sagaRunner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(),
					"spring.sql.init.schema-locations=classpath:dev/resilience/saga/jdbc/schema-h2.sql",
					"resilience.saga.jdbc.initialize-schema=never")
			.withConfiguration(AutoConfigurations.of(DataSourceInitializationAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				String result = context.getBean(SagaCoordinator.class).run("place-order", "x", (value) -> value);
				assertThat(result).isEqualTo("x");
			});
	}

	@Test
	void sagaTemplateAloneGetsTheSagaLogSetUpWhenTheStoreIsSetExplicitly() {
		this.runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(), "resilience.saga.store=jdbc")
			.run((context) -> {
				assertThat(context).hasSingleBean(SagaSchemaInitializer.class);
				assertThat(context.getBean(SagaRecoveryScheduler.class).isRunning()).isTrue();
				String result = context.getBean(SagaTemplate.class).execute("place-order", (saga) -> "x");
				assertThat(result).isEqualTo("x");
			});
	}

	@Test
	void sagaBeanWhoseDefinitionHidesItsClassFailsTheStartNamingTheFix() {
		this.runner.withConfiguration(AutoConfigurations.of(ResilienceAutoConfiguration.class))
			.withBean("orders", OrderOperations.class, Orders::new)
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidResilienceAnnotationException.class)
				.hasMessageContaining("place(String)")
				.hasMessageContaining("no bean with @Saga or @SagaStep methods was found"));
	}

	@Test
	void sagaBeanWhoseDefinitionHidesItsClassRunsWhenTheStoreIsSetExplicitly() {
		this.runner.withConfiguration(AutoConfigurations.of(ResilienceAutoConfiguration.class))
			.withBean("orders", OrderOperations.class, Orders::new)
			.withPropertyValues("resilience.saga.store=memory")
			.run((context) -> {
				assertThat(context.getBean(SagaRecoveryScheduler.class).isRunning()).isTrue();
				assertThat(context.getBean(OrderOperations.class).place("sku-1")).isEqualTo("sku-1");
			});
	}

	private static UUID createStaleSaga(SagaStore store) {
		UUID id = UUID.randomUUID();
		Instant now = Instant.now();
		store
			.createSaga(SagaExecution.start(id, "place-order", now.minusSeconds(120), "stopped", now.minusSeconds(60)));
		return id;
	}

	private static List<String> tables(AssertableApplicationContext context) {
		return JdbcClient.create(context.getBean(DataSource.class))
			.sql("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES")
			.query(String.class)
			.list();
	}

	@Test
	void invalidCompensationRetryFailsTheStartNamingTheProperty() {
		this.runner.withPropertyValues("resilience.saga.compensation-retry.max-attempts=0")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("resilience.saga.compensation-retry.max-attempts")
				.hasMessageContaining("must be at least 1"));
		this.runner.withPropertyValues("resilience.saga.recovery.lease=0s")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("resilience.saga.recovery.lease"));
	}

	@Test
	void applicationSagaStoreWins() {
		InMemorySagaStore store = new InMemorySagaStore();
		this.runner.withBean(SagaStore.class, () -> store)
			.run((context) -> assertThat(context.getBean(SagaCoordinator.class).store()).isSameAs(store));
	}

	@Test
	void nothingIsDefinedWhenResilienceIsDisabled() {
		this.runner.withPropertyValues("resilience.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SagaCoordinator.class)
				.doesNotHaveBean(SagaStore.class));
	}

	private static Set<Thread> sagaThreads() {
		Set<Thread> threads = new HashSet<>(Thread.getAllStackTraces().keySet());
		threads.removeIf((thread) -> !thread.getName().startsWith("resilience-saga-"));
		return threads;
	}

	private static DataSource countingConnections(AtomicInteger connections) {
		JdbcDataSource database = new JdbcDataSource();
		database.setURL("jdbc:h2:mem:" + UUID.randomUUID());
		return new DelegatingDataSource(database) {

			@Override
			public Connection getConnection() throws SQLException {
				connections.incrementAndGet();
				return super.getConnection();
			}

		};
	}

	interface OrderOperations {

		String place(String sku);

	}

	static class Orders implements OrderOperations {

		@Override
		@Saga(name = "place-order")
		public String place(String sku) {
			return sku;
		}

	}

}
