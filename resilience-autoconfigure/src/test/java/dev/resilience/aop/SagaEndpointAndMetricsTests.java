package dev.resilience.aop;

import java.util.List;
import java.util.Map;

import dev.resilience.actuate.ResilienceEndpoint;
import dev.resilience.actuate.ResilienceKind.WriteResult;
import dev.resilience.actuate.SagaKind;
import dev.resilience.actuate.SagaMeterBinder;
import dev.resilience.aop.SagaServices.Inventory;
import dev.resilience.aop.SagaServices.Journal;
import dev.resilience.aop.SagaServices.Orders;
import dev.resilience.aop.SagaServices.Payments;
import dev.resilience.aop.SagaServices.Shipping;
import dev.resilience.autoconfigure.ResilienceAutoConfiguration;
import dev.resilience.autoconfigure.ResilienceEndpointAutoConfiguration;
import dev.resilience.autoconfigure.ResilienceMetricsAutoConfiguration;
import dev.resilience.autoconfigure.ResilienceSagaAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for sagas on the resilience endpoint and in Micrometer, driven by annotated
 * beans.
 *
 * @author Resilience
 */
class SagaEndpointAndMetricsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(ResilienceAutoConfiguration.class, ResilienceSagaAutoConfiguration.class,
						ResilienceEndpointAutoConfiguration.class, ResilienceMetricsAutoConfiguration.class))
		.withPropertyValues("resilience.saga.compensation-retry.max-attempts=2",
				"resilience.saga.compensation-retry.wait-duration=0s",
				"management.endpoints.web.exposure.include=resilience")
		.withBean(SimpleMeterRegistry.class)
		.withBean(Journal.class)
		.withBean("inventory", Inventory.class)
		.withBean("payments", Payments.class)
		.withBean("shipping", Shipping.class)
		.withBean("orders", Orders.class);

	@Test
	void failedSagaShowsOnTheEndpointAndIsCompensatedByAnOperatorRetry() {
		this.runner.run((context) -> {
			String id = failSaga(context).toString();
			ResilienceEndpoint endpoint = context.getBean(ResilienceEndpoint.class);
			JsonNode summary = json(endpoint.resilience()).get("sagas").get("place-order");
			assertThat(names(summary)).containsExactly("running", "compensating", "completed", "compensated", "failed",
					"recentFailed");
			assertThat(summary.get("failed").asLong()).isOne();
			JsonNode failed = summary.get("recentFailed").get(0);
			assertThat(names(failed)).containsExactly("id", "state", "failedStep", "error", "startedAt");
			assertThat(failed.get("id").asString()).isEqualTo(id);
			assertThat(failed.get("failedStep").asString()).isEqualTo("reserve");
			assertThat(failed.get("error").asString()).contains("inventory unavailable");

			JsonNode execution = json(endpoint.instance("sagas", id));
			assertThat(names(execution)).containsExactly("id", "name", "state", "startedAt", "cause", "steps");
			assertThat(execution.get("state").asString()).isEqualTo("FAILED");
			assertThat(names(execution.get("steps").get(1))).containsExactly("name", "state", "attempts", "error");
			assertThat(execution.get("steps").get(1).get("state").asString()).isEqualTo("COMPENSATION_FAILED");
			assertThat(execution.get("steps").get(1).get("attempts").asInt()).isEqualTo(2);

			assertThat(endpoint.update("sagas", id, null, "retry-compensation").getStatus()).isEqualTo(200);
			JsonNode after = json(endpoint.resilience()).get("sagas").get("place-order");
			assertThat(after.get("failed").asLong()).isZero();
			assertThat(after.get("compensated").asLong()).isOne();
			assertThat(after.get("recentFailed")).isEmpty();
			assertThat(context.getBean(Journal.class).entries).contains("release(sku-1, 2, hold-sku-1)");
		});
	}

	@Test
	void retryAnswersNotFoundForAnUnknownIdAndBadRequestForAnotherActionOrState() {
		this.runner.run((context) -> {
			SagaKind kind = context.getBean(SagaKind.class);
			assertThat(
					kind.write("0f8fad5b-d9cb-469f-a165-70867728950e", Map.of("action", "retry-compensation")).status())
				.isEqualTo(WriteResult.Status.NOT_FOUND);
			assertThat(kind.write("place-order", Map.of("action", "retry-compensation")).status())
				.isEqualTo(WriteResult.Status.NOT_FOUND);
			String id = failSaga(context).toString();
			assertThat(kind.write(id, Map.of("action", "forget")).status()).isEqualTo(WriteResult.Status.BAD_REQUEST);
			assertThat(kind.write(id, Map.of()).status()).isEqualTo(WriteResult.Status.BAD_REQUEST);
			WriteResult retried = kind.write(id, Map.of("action", "retry-compensation"));
			assertThat(retried.status()).isEqualTo(WriteResult.Status.OK);
			assertThat(json(retried.body()).get("state").asString()).isEqualTo("COMPENSATED");
			WriteResult again = kind.write(id, Map.of("action", "retry-compensation"));
			assertThat(again.status()).isEqualTo(WriteResult.Status.BAD_REQUEST);
			assertThat(json(again.body()).get("message").asString()).contains("COMPENSATED");
		});
	}

	@Test
	void sagaNameDescribesItsSummaryAndConfiguration() {
		this.runner.run((context) -> {
			context.getBean(Orders.class).place("sku-1");
			JsonNode description = json(context.getBean(SagaKind.class).describe("place-order"));
			assertThat(names(description)).containsExactly("name", "state", "config", "events");
			assertThat(description.get("state").get("completed").asLong()).isOne();
			assertThat(description.get("config").get("compensation-retry.max-attempts").asInt()).isEqualTo(2);
			assertThat(context.getBean(SagaKind.class).describe("unknown")).isNull();
			assertThat(context.getBean(SagaKind.class).describe("0f8fad5b-d9cb-469f-a165-70867728950e")).isNull();
		});
	}

	@Test
	void metersCountExecutionsByOutcomeAndActiveOnes() {
		this.runner.run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			context.getBean(SagaMeterBinder.class).bindTo(registry);
			context.getBean(Orders.class).place("sku-1");
			Journal journal = context.getBean(Journal.class);
			journal.failAt = "end";
			assertThatIllegalArgumentException().isThrownBy(() -> context.getBean(Orders.class).place("sku-2"));
			assertThat(registry.get("resilience.saga.executions")
				.tags("name", "place-order", "outcome", "completed")
				.functionCounter()
				.count()).isEqualTo(1.0);
			assertThat(registry.get("resilience.saga.executions")
				.tags("name", "place-order", "outcome", "compensated")
				.functionCounter()
				.count()).isEqualTo(1.0);
			assertThat(registry.get("resilience.saga.executions")
				.tags("name", "place-order", "outcome", "failed")
				.functionCounter()
				.count()).isZero();
			assertThat(registry.get("resilience.saga.active").tags("name", "place-order").gauge().value()).isZero();
		});
	}

	private static java.util.UUID failSaga(AssertableApplicationContext context) {
		Journal journal = context.getBean(Journal.class);
		journal.failAt = "charge";
		journal.failingCompensations.set(2);
		assertThatIllegalArgumentException().isThrownBy(() -> context.getBean(Orders.class).place("sku-1"));
		journal.failAt = "";
		return journal.sagaId;
	}

	private static JsonNode json(Object value) {
		return JSON.readTree(JSON.writeValueAsString(value));
	}

	private static List<String> names(JsonNode node) {
		return node.propertyNames().stream().toList();
	}

}
