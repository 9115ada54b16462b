package dev.resilience.actuate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import dev.resilience.saga.SagaCoordinator;
import dev.resilience.saga.SagaExecution;
import dev.resilience.saga.SagaState;
import dev.resilience.saga.SagaType;
import dev.resilience.saga.StepExecution;
import org.jspecify.annotations.Nullable;

/**
 * Sagas on the {@link ResilienceEndpoint}, under {@code sagas}, keyed by saga name: the
 * count of executions in each state and the latest failed ones. An execution is addressed
 * by its id (a UUID); an operator may retry the compensation of a {@code FAILED} one by
 * posting {@code {"action": "retry-compensation"}} to it.
 *
 * @author Resilience
 * @since 0.1.0
 */
public class SagaKind implements ResilienceKind {

	/**
	 * The action that retries the compensation of a failed saga.
	 */
	public static final String RETRY_COMPENSATION = "retry-compensation";

	private static final int RECENT_FAILED = 10;

	private final SagaCoordinator coordinator;

	/**
	 * Create a kind showing the sagas of the given coordinator and its store.
	 * @param coordinator the coordinator
	 */
	public SagaKind(SagaCoordinator coordinator) {
		this.coordinator = coordinator;
	}

	@Override
	public String path() {
		return "sagas";
	}

	@Override
	public String key() {
		return "sagas";
	}

	@Override
	public Map<String, Object> summaries() {
		Map<String, Map<SagaState, Long>> counts = this.coordinator.store().countsByState();
		TreeSet<String> names = new TreeSet<>(counts.keySet());
		for (SagaType type : this.coordinator.types().all()) {
			names.add(type.name());
		}
		Map<String, Object> summaries = new TreeMap<>();
		for (String name : names) {
			summaries.put(name, summary(name, counts.getOrDefault(name, Map.of())));
		}
		return summaries;
	}

	private Summary summary(String name, Map<SagaState, Long> counts) {
		List<FailedExecution> failed = new ArrayList<>();
		for (SagaExecution execution : this.coordinator.store().recentFailed(name, RECENT_FAILED)) {
			failed.add(FailedExecution.of(execution));
		}
		return new Summary(count(counts, SagaState.RUNNING), count(counts, SagaState.COMPENSATING),
				count(counts, SagaState.COMPLETED), count(counts, SagaState.COMPENSATED),
				count(counts, SagaState.FAILED), failed);
	}

	private static long count(Map<SagaState, Long> counts, SagaState state) {
		return counts.getOrDefault(state, 0L);
	}

	@Override
	public @Nullable Object describe(String name) {
		UUID id = executionId(name);
		if (id != null) {
			return this.coordinator.store().find(id).map(Execution::of).orElse(null);
		}
		Map<String, Map<SagaState, Long>> counts = this.coordinator.store().countsByState();
		SagaType type = this.coordinator.types().find(name).orElse(null);
		if (type == null && !counts.containsKey(name)) {
			return null;
		}
		Summary summary = summary(name, counts.getOrDefault(name, Map.of()));
		Map<String, Object> config = new TreeMap<>();
		config.put("compensation-retry.max-attempts", this.coordinator.compensationRetry().maxAttempts());
		config.put("compensation-retry.wait-duration",
				ConfigValues.duration(this.coordinator.compensationRetry().waitDuration()));
		config.put("recovery.lease", ConfigValues.duration(this.coordinator.lease()));
		return (type != null) ? InstanceDescription.of(name, summary, config, type.events())
				: new InstanceDescription(name, summary, config, List.of());
	}

	@Override
	public WriteResult write(String name, Map<String, Object> body) {
		UUID id = executionId(name);
		if (id == null || this.coordinator.store().find(id).isEmpty()) {
			return WriteResult.notFound("No saga execution has id '" + name + "'");
		}
		Object action = body.get("action");
		if (!(action instanceof String requested)
				|| !RETRY_COMPENSATION.equals(requested.trim().toLowerCase(Locale.ROOT))) {
			return WriteResult.badRequest("action must be '" + RETRY_COMPENSATION + "', but was " + action);
		}
		try {
			this.coordinator.retryCompensation(id);
		}
		catch (NoSuchElementException ex) {
			return WriteResult.notFound(String.valueOf(ex.getMessage()));
		}
		catch (IllegalStateException ex) {
			return WriteResult.badRequest(String.valueOf(ex.getMessage()));
		}
		return this.coordinator.store()
			.find(id)
			.<WriteResult>map((execution) -> WriteResult.ok(Execution.of(execution)))
			.orElseGet(() -> WriteResult.notFound("No saga execution has id '" + name + "'"));
	}

	private static @Nullable UUID executionId(String name) {
		if (name.length() != 36) {
			return null;
		}
		try {
			UUID id = UUID.fromString(name);
			return id.toString().equalsIgnoreCase(name) ? id : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * Executions of one saga by state, and the latest failed ones.
	 *
	 * @param running executions whose body runs
	 * @param compensating executions being compensated
	 * @param completed executions that completed
	 * @param compensated executions that were compensated
	 * @param failed executions whose compensation failed and waits for an operator
	 * @param recentFailed the latest failed executions, latest first
	 */
	@JsonInclude(Include.ALWAYS)
	public record Summary(long running, long compensating, long completed, long compensated, long failed,
			List<FailedExecution> recentFailed) {

	}

	/**
	 * A failed execution in a saga's summary.
	 *
	 * @param id the execution's id
	 * @param state its state
	 * @param failedStep the step whose compensation failed, or {@code null}
	 * @param error that compensation's last error, or {@code null}
	 * @param startedAt when the execution started, in ISO-8601
	 */
	@JsonInclude(Include.ALWAYS)
	public record FailedExecution(String id, String state, @Nullable String failedStep, @Nullable String error,
			String startedAt) {

		static FailedExecution of(SagaExecution execution) {
			StepExecution step = execution.failedStep();
			return new FailedExecution(execution.id().toString(), execution.state().name(),
					(step != null) ? step.name() : null, (step != null) ? step.error() : null,
					execution.startedAt().toString());
		}

	}

	/**
	 * One saga execution.
	 *
	 * @param id its id
	 * @param name the saga name
	 * @param state its state
	 * @param startedAt when it started, in ISO-8601
	 * @param cause the error that started its compensation, or {@code null}
	 * @param steps its steps, in the order they started
	 */
	@JsonInclude(Include.ALWAYS)
	public record Execution(String id, String name, String state, String startedAt, @Nullable String cause,
			List<Step> steps) {

		static Execution of(SagaExecution execution) {
			return new Execution(execution.id().toString(), execution.name(), execution.state().name(),
					execution.startedAt().toString(), execution.cause(),
					execution.steps().stream().map(Step::of).toList());
		}

	}

	/**
	 * One step of a saga execution.
	 *
	 * @param name the step name
	 * @param state its state
	 * @param attempts its compensation attempts
	 * @param error its latest error, or {@code null}
	 */
	@JsonInclude(Include.ALWAYS)
	public record Step(String name, String state, int attempts, @Nullable String error) {

		static Step of(StepExecution step) {
			return new Step(step.name(), step.state().name(), step.attempts(), step.error());
		}

	}

}
