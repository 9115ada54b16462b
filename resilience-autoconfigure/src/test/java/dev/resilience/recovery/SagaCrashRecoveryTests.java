package dev.resilience.recovery;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.resilience.saga.SagaExecution;
import dev.resilience.saga.SagaState;
import dev.resilience.saga.SagaStore;
import dev.resilience.saga.StepExecution;
import dev.resilience.saga.StepState;
import dev.resilience.saga.jdbc.JdbcSagaStore;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Crash recovery for real: a separate JVM runs an order saga on PostgreSQL and is killed
 * at each step boundary in turn (before a step, while it runs, after the last one); an
 * instance started afterwards recovers every saga it left. For each crash point, each
 * step that started was compensated, no step that never started was, and the saga ends
 * compensated.
 *
 * @author Resilience
 */
class SagaCrashRecoveryTests {

	/**
	 * Each crash point, with the steps that have started when the process dies there.
	 */
	private static final Map<String, List<String>> CRASH_POINTS = new LinkedHashMap<>();

	static {
		CRASH_POINTS.put("reserve:before", List.of());
		CRASH_POINTS.put("reserve:during", List.of("reserve"));
		CRASH_POINTS.put("charge:before", List.of("reserve"));
		CRASH_POINTS.put("charge:during", List.of("reserve", "charge"));
		CRASH_POINTS.put("ship:before", List.of("reserve", "charge"));
		CRASH_POINTS.put("ship:during", List.of("reserve", "charge", "ship"));
		CRASH_POINTS.put("ship:after", List.of("reserve", "charge", "ship"));
	}

	private static final Map<String, String> COMPENSATION_OF = Map.of("reserve", "release", "charge", "refund", "ship",
			"cancel");

	@Test
	void instanceStartedAfterACrashAtEachStepBoundaryCompensatesWhatStarted() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		Map<String, CompletableFuture<UUID>> crashed = new LinkedHashMap<>();
		for (String point : CRASH_POINTS.keySet()) {
			crashed.put(point, runUntilKilled(point, run + "-" + point));
		}
		SagaStore store = new JdbcSagaStore(Postgres.dataSource());
		Map<String, UUID> sagas = new LinkedHashMap<>();
		for (Map.Entry<String, CompletableFuture<UUID>> entry : crashed.entrySet()) {
			UUID id = entry.getValue().get(3, TimeUnit.MINUTES);
			sagas.put(entry.getKey(), id);
			SagaExecution left = store.find(id).orElseThrow();
			assertThat(left.state()).as("state left at %s", entry.getKey()).isEqualTo(SagaState.RUNNING);
			assertThat(left.steps()).extracting(StepExecution::name)
				.as("steps logged at %s", entry.getKey())
				.containsExactlyElementsOf(CRASH_POINTS.get(entry.getKey()));
		}
		try (ConfigurableApplicationContext recovering = startRecoveringInstance()) {
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(sagas.values()).allSatisfy(
						(id) -> assertThat(store.find(id).orElseThrow().state()).isEqualTo(SagaState.COMPENSATED)));
		}
		JdbcClient jdbc = JdbcClient.create(Postgres.dataSource());
		for (Map.Entry<String, List<String>> point : CRASH_POINTS.entrySet()) {
			String orderId = run + "-" + point.getKey();
			List<String> entries = jdbc.sql("SELECT entry FROM effects WHERE order_id = ?")
				.param(orderId)
				.query(String.class)
				.list();
			List<String> compensations = entries.stream()
				.map((entry) -> entry.split(" ")[0])
				.filter(COMPENSATION_OF::containsValue)
				.distinct()
				.toList();
			List<String> expected = new ArrayList<>();
			for (String step : point.getValue()) {
				expected.add(0, COMPENSATION_OF.get(step));
			}
			assertThat(compensations).as("compensations after a crash at %s (%s)", point.getKey(), entries)
				.containsExactlyElementsOf(expected);
			assertThat(store.find(sagas.get(point.getKey())).orElseThrow().steps())
				.as("steps after recovering %s", point.getKey())
				.allSatisfy((step) -> assertThat(step.state()).isEqualTo(StepState.COMPENSATED));
		}
	}

	private CompletableFuture<UUID> runUntilKilled(String point, String orderId) throws IOException {
		String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
		Process process = new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
				System.getProperty("java.class.path"), CrashingInstance.class.getName(), Postgres.url(), "postgres",
				"postgres", point, orderId)
			.redirectErrorStream(true)
			.start();
		return CompletableFuture.supplyAsync(() -> {
			StringBuilder output = new StringBuilder();
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = lines.readLine()) != null) {
					output.append(line).append('\n');
					if (line.startsWith("CRASH-POINT " + point + " ")) {
						process.destroyForcibly().waitFor(1, TimeUnit.MINUTES);
						String id = line.substring(line.lastIndexOf(' ') + 1);
						return id.equals("none") ? null : UUID.fromString(id);
					}
				}
			}
			catch (IOException ex) {
				throw new IllegalStateException("Could not read the crashing instance's output:\n" + output, ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				process.destroyForcibly();
			}
			throw new IllegalStateException("The instance stopped before reaching " + point + ":\n" + output);
		});
	}

	private ConfigurableApplicationContext startRecoveringInstance() {
		return new SpringApplicationBuilder(OrderApplication.class).web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "spring.datasource.url=" + Postgres.url(),
					"spring.datasource.username=postgres", "spring.datasource.password=postgres",
					"orders.instance=recovering", "resilience.saga.store=jdbc",
					"resilience.saga.jdbc.initialize-schema=never", "resilience.saga.recovery.interval=200ms",
					"resilience.saga.recovery.lease=2s", "resilience.saga.compensation-retry.wait-duration=0s")
			.run();
	}

}
