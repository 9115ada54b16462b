package dev.resilience.recovery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.resilience.autoconfigure.SagaRecoveryScheduler;

import dev.resilience.saga.CompensationRef;
import dev.resilience.saga.SagaExecution;
import dev.resilience.saga.SagaState;
import dev.resilience.saga.SagaStore;
import dev.resilience.saga.StepExecution;
import dev.resilience.saga.jdbc.JdbcSagaStore;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances recovering the same stale sagas at the same time on PostgreSQL: each saga
 * is compensated by exactly one of them, counted from what the compensations wrote. Both
 * start recovering at the same moment, and compensations are slow enough for their claims
 * to interleave.
 *
 * @author Resilience
 */
class ConcurrentRecoveryTests {

	private static final int SAGAS = 60;

	private static final CompensationRef RELEASE = new CompensationRef("orderSteps", "release",
			List.of("java.lang.String", "java.lang.String"));

	@Test
	void twoInstancesRecoveringTogetherCompensateEachSagaExactlyOnce() throws Exception {
		SagaStore store = new JdbcSagaStore(Postgres.dataSource());
		String run = UUID.randomUUID().toString().substring(0, 8);
		Instant expired = Instant.now().minusSeconds(5);
		List<UUID> stale = new ArrayList<>();
		for (int i = 0; i < SAGAS; i++) {
			UUID id = UUID.randomUUID();
			store.createSaga(SagaExecution.start(id, "place-order", expired.minusSeconds(SAGAS - i), "stopped-instance",
					expired));
			String orderId = run + "-" + i;
			store.stepStarted(id, StepExecution.started(1, "reserve", "[\"" + orderId + "\"]", RELEASE));
			store.stepCompleted(id, 1, "\"hold-" + orderId + "\"");
			stale.add(id);
		}
		try (ConfigurableApplicationContext a = start("a"); ConfigurableApplicationContext b = start("b")) {
			CountDownLatch go = new CountDownLatch(1);
			CompletableFuture<Integer> byA = recoverOn(a, go);
			CompletableFuture<Integer> byB = recoverOn(b, go);
			go.countDown();
			assertThat(byA.get(2, TimeUnit.MINUTES) + byB.get(2, TimeUnit.MINUTES)).isEqualTo(SAGAS);
			assertThat(byA.get()).as("sagas recovered by a").isPositive();
			assertThat(byB.get()).as("sagas recovered by b").isPositive();
		}
		assertThat(stale)
			.allSatisfy((id) -> assertThat(store.find(id).orElseThrow().state()).isEqualTo(SagaState.COMPENSATED));
		List<Map<String, Object>> releases = JdbcClient.create(Postgres.dataSource())
			.sql("SELECT order_id, COUNT(*) AS releases FROM effects WHERE order_id LIKE ? AND entry LIKE 'release %' "
					+ "GROUP BY order_id")
			.param(run + "-%")
			.query()
			.listOfRows();
		assertThat(releases).hasSize(SAGAS)
			.allSatisfy((row) -> assertThat(((Number) row.get("releases")).longValue()).as("releases of %s", row)
				.isEqualTo(1));
	}

	private CompletableFuture<Integer> recoverOn(ConfigurableApplicationContext instance, CountDownLatch go) {
		SagaRecoveryScheduler recovery = instance.getBean(SagaRecoveryScheduler.class);
		return CompletableFuture.supplyAsync(() -> {
			try {
				go.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return recovery.recover();
		}, Executors.newSingleThreadExecutor());
	}

	private ConfigurableApplicationContext start(String instance) {
		return new SpringApplicationBuilder(OrderApplication.class).web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "spring.datasource.url=" + Postgres.url(),
					"spring.datasource.username=postgres", "spring.datasource.password=postgres",
					"resilience.saga.store=jdbc", "resilience.saga.jdbc.initialize-schema=never",
					"orders.instance=" + instance, "orders.compensation-delay=20ms",
					"resilience.saga.recovery.enabled=false", "resilience.saga.recovery.lease=30s")
			.run();
	}

}
