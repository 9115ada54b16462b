package dev.resilience.autoconfigure;

import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import dev.resilience.aop.BeanCompensator;
import dev.resilience.aop.JacksonStepCodec;
import dev.resilience.aop.SagaBinding;
import dev.resilience.aop.SagaStepBinding;
import dev.resilience.core.ErrorClassifier;
import dev.resilience.core.Sleeper;
import dev.resilience.core.TimeSource;
import dev.resilience.saga.CompensationRetryConfig;
import dev.resilience.saga.Compensator;
import dev.resilience.saga.InMemorySagaStore;
import dev.resilience.saga.SagaCoordinator;
import dev.resilience.saga.SagaStore;
import dev.resilience.saga.SagaTemplate;
import dev.resilience.saga.StepCodec;
import dev.resilience.saga.jdbc.JdbcSagaStore;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Auto-configuration of sagas: the saga log ({@link SagaStore}: in the application's
 * database when it has a {@link DataSource}, else in memory), the {@link SagaCoordinator}
 * configured from {@code resilience.saga.*}, the {@link SagaTemplate}, and the bindings
 * of {@code @Saga} and {@code @SagaStep}. When the application has sagas (a bean with
 * {@code @Saga} or {@code @SagaStep} methods, or {@code resilience.saga.store} set), also
 * the {@link SagaRecoveryScheduler} that renews leases and recovers sagas of stopped
 * instances, and for the JDBC log the creation of its tables and a check, on start, that
 * they exist; without sagas, nothing touches the database or starts a thread. With
 * Jackson on the classpath, step arguments and results are stored as JSON by the
 * application's {@code JsonMapper} and compensations are run from the log by calling the
 * bean method a step names; without it, a step with a compensation fails the start.
 *
 * @author Resilience
 * @since 0.1.0
 */
@AutoConfiguration(after = ResilienceAutoConfiguration.class,
		afterName = { "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
				"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration" },
		before = { ResilienceEndpointAutoConfiguration.class, ResilienceMetricsAutoConfiguration.class })
@ConditionalOnBooleanProperty(name = "resilience.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ResilienceProperties.class)
public final class ResilienceSagaAutoConfiguration {

	private static final String PREFIX = "resilience.saga";

	@Bean
	@ConditionalOnMissingBean
	SagaStore sagaStore(ResilienceProperties properties) {
		if (properties.getSaga().getStore() == SagaProperties.Store.JDBC) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + ".store", "jdbc",
					"the JDBC saga store needs a single DataSource bean and spring-jdbc on the classpath "
							+ "(spring-boot-starter-jdbc); define a DataSource or use memory");
		}
		return new InMemorySagaStore();
	}

	@Bean
	@ConditionalOnMissingBean
	SagaCoordinator sagaCoordinator(ResilienceProperties properties, SagaStore sagaStore,
			ObjectProvider<StepCodec> codec, ObjectProvider<Compensator> compensator,
			ObjectProvider<ErrorClassifier> classifier, ObjectProvider<TimeSource> timeSource) {
		SagaProperties saga = properties.getSaga();
		int maxAttempts = new Setting<>(PREFIX + ".compensation-retry.max-attempts",
				saga.getCompensationRetry().getMaxAttempts())
			.within(CompensationRetryConfig.ALLOWED_MAX_ATTEMPTS)
			.value();
		Duration waitDuration = new Setting<>(PREFIX + ".compensation-retry.wait-duration",
				saga.getCompensationRetry().getWaitDuration())
			.within(CompensationRetryConfig.ALLOWED_WAIT_DURATION)
			.value();
		Duration lease = new Setting<>(PREFIX + ".recovery.lease", saga.getRecovery().getLease())
			.within(SagaCoordinator.ALLOWED_LEASE)
			.value();
		return SagaCoordinator.builder(sagaStore)
			.codec(codec.getIfAvailable(StepCodec::none))
			.compensator(compensator.getIfAvailable(Compensator::none))
			.classifier(classifier.getIfAvailable(ErrorClassifier::defaults))
			.timeSource(timeSource.getIfAvailable(TimeSource::system))
			.sleeper(Sleeper.system())
			.compensationRetry(new CompensationRetryConfig(maxAttempts, waitDuration))
			.lease(lease)
			.instanceId(instanceId())
			.build();
	}

	private static String instanceId() {
		String host = System.getenv("HOSTNAME");
		if (host == null || host.isBlank()) {
			host = System.getenv("COMPUTERNAME");
		}
		String prefix = (host != null && !host.isBlank()) ? host.trim() + "-" : "";
		return prefix + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	@Bean
	@ConditionalOnMissingBean
	SagaTemplate sagaTemplate(SagaCoordinator sagaCoordinator) {
		return new SagaTemplate(sagaCoordinator);
	}

	@Bean
	@ConditionalOnMissingBean
	SagaBinding sagaBinding(SagaCoordinator sagaCoordinator, ObjectProvider<SagaRecoveryScheduler> recovery) {
		return new SagaBinding(sagaCoordinator, recovery.getIfAvailable() != null);
	}

	@Bean
	@ConditionalOnMissingBean
	SagaStepBinding sagaStepBinding(SagaCoordinator sagaCoordinator, ObjectProvider<StepCodec> codec) {
		return new SagaStepBinding(sagaCoordinator, codec.getIfAvailable() != null);
	}

	/**
	 * Recovers sagas and renews leases, when the application has sagas.
	 */
	@Configuration(proxyBeanMethods = false)
	@Conditional(OnSagasCondition.class)
	static class SagaRecoveryConfiguration {

		@Bean
		@ConditionalOnMissingBean
		SagaRecoveryScheduler sagaRecoveryScheduler(ResilienceProperties properties, SagaCoordinator sagaCoordinator) {
			SagaProperties.Recovery recovery = properties.getSaga().getRecovery();
			Duration interval = new Setting<>(PREFIX + ".recovery.interval", recovery.getInterval())
				.within(SagaRecoveryScheduler.ALLOWED_INTERVAL)
				.value();
			Duration retention = new Setting<>(PREFIX + ".jdbc.retention",
					properties.getSaga().getJdbc().getRetention())
				.within(SagaRecoveryScheduler.ALLOWED_RETENTION)
				.value();
			return new SagaRecoveryScheduler(sagaCoordinator, interval, recovery.isEnabled(),
					retention.isZero() ? null : retention);
		}

	}

	/**
	 * Keeps the saga log in the application's database, unless memory is asked for.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ JdbcClient.class, DataSourceScriptDatabaseInitializer.class })
	@ConditionalOnSingleCandidate(DataSource.class)
	@Conditional(NotInMemory.class)
	static class JdbcSagaStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean(SagaStore.class)
		@DependsOnDatabaseInitialization
		JdbcSagaStore sagaStore(DataSource dataSource, ResilienceProperties properties) {
			return new JdbcSagaStore(dataSource, tablePrefix(properties));
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBean(JdbcSagaStore.class)
		@Conditional(OnSagasCondition.class)
		SagaSchemaInitializer sagaSchemaInitializer(DataSource dataSource, ResilienceProperties properties) {
			DatabaseInitializationMode mode = switch (properties.getSaga().getJdbc().getInitializeSchema()) {
				case ALWAYS -> DatabaseInitializationMode.ALWAYS;
				case EMBEDDED -> DatabaseInitializationMode.EMBEDDED;
				case NEVER -> DatabaseInitializationMode.NEVER;
			};
			return new SagaSchemaInitializer(dataSource, mode, tablePrefix(properties));
		}

		@Bean
		@ConditionalOnBean(JdbcSagaStore.class)
		@Conditional(OnSagasCondition.class)
		SagaTableCheck sagaTableCheck(JdbcSagaStore sagaStore, DataSource dataSource, ResilienceProperties properties) {
			return new SagaTableCheck(sagaStore, dataSource, tablePrefix(properties));
		}

		private static String tablePrefix(ResilienceProperties properties) {
			String prefix = properties.getSaga().getJdbc().getTablePrefix();
			if (prefix == null || !JdbcSagaStore.isValidTablePrefix(prefix)) {
				throw new InvalidConfigurationPropertyValueException(PREFIX + ".jdbc.table-prefix", prefix,
						"must be letters, digits and underscores, not starting with a digit");
			}
			return prefix;
		}

	}

	static class NotInMemory extends NoneNestedConditions {

		NotInMemory() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnProperty(name = PREFIX + ".store", havingValue = "memory")
		static class InMemory {

		}

	}

	/**
	 * Stores step values as JSON and runs compensations from the log, when Jackson is on
	 * the classpath.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(JsonMapper.class)
	static class JacksonSagaConfiguration {

		@Bean
		@ConditionalOnMissingBean(StepCodec.class)
		JacksonStepCodec sagaStepCodec(ObjectProvider<JsonMapper> jsonMapper) {
			return new JacksonStepCodec(jsonMapper.getIfAvailable(() -> JsonMapper.builder().build()));
		}

		@Bean
		@ConditionalOnMissingBean(Compensator.class)
		@ConditionalOnBean(JacksonStepCodec.class)
		BeanCompensator sagaCompensator(BeanFactory beanFactory, JacksonStepCodec sagaStepCodec) {
			return new BeanCompensator(beanFactory, sagaStepCodec);
		}

	}

}
