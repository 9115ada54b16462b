package dev.resilience.saga;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One execution of a saga as logged: an immutable snapshot with its steps.
 * <p>
 * An active execution ({@link SagaState#isActive()}) is leased by the instance working on
 * it: {@code leaseOwner} holds it until {@code leaseUntil}, renewing the lease while it
 * works. Recovery takes over an active execution whose lease has expired. A finished
 * execution has no lease.
 *
 * @param id the execution's id
 * @param name the saga name, such as {@code place-order}
 * @param state the saga state
 * @param startedAt when it started
 * @param updatedAt when its state last changed
 * @param cause the error that started its compensation, as class name and message, if any
 * @param leaseOwner the instance that holds its lease, or {@code null}
 * @param leaseUntil when that lease expires, or {@code null}
 * @param steps its steps, ordered by sequence
 * @author Resilience
 * @since 0.1.0
 */
public record SagaExecution(UUID id, String name, SagaState state, Instant startedAt, Instant updatedAt,
		@Nullable String cause, @Nullable String leaseOwner, @Nullable Instant leaseUntil, List<StepExecution> steps) {

	private static final Comparator<StepExecution> BY_SEQUENCE = Comparator.comparingInt(StepExecution::sequence);

	/**
	 * Create a snapshot, checking its values and ordering its steps by sequence.
	 * @param id the execution's id
	 * @param name the saga name
	 * @param state the saga state
	 * @param startedAt when it started
	 * @param updatedAt when its state last changed
	 * @param cause the error that started its compensation
	 * @param leaseOwner the instance that holds its lease
	 * @param leaseUntil when that lease expires
	 * @param steps its steps
	 */
	public SagaExecution {
		Objects.requireNonNull(id, "id must not be null");
		Objects.requireNonNull(name, "name must not be null");
		Objects.requireNonNull(state, "state must not be null");
		Objects.requireNonNull(startedAt, "startedAt must not be null");
		Objects.requireNonNull(updatedAt, "updatedAt must not be null");
		if ((leaseOwner == null) != (leaseUntil == null)) {
			throw new IllegalArgumentException("leaseOwner and leaseUntil must both be set or both be null, but were "
					+ leaseOwner + " and " + leaseUntil);
		}
		List<StepExecution> sorted = new ArrayList<>(steps);
		sorted.sort(BY_SEQUENCE);
		steps = List.copyOf(sorted);
	}

	/**
	 * Return a new execution: {@link SagaState#RUNNING}, without steps, leased by its
	 * owner.
	 * @param id the execution's id
	 * @param name the saga name
	 * @param now the current time
	 * @param owner the instance that runs it
	 * @param leaseUntil when its lease expires unless renewed
	 * @return the execution
	 */
	public static SagaExecution start(UUID id, String name, Instant now, String owner, Instant leaseUntil) {
		return new SagaExecution(id, name, SagaState.RUNNING, now, now, null, owner, leaseUntil, List.of());
	}

	/**
	 * Return the step of the given sequence.
	 * @param sequence the step's sequence
	 * @return the step, or {@code null} if there is none
	 */
	public @Nullable StepExecution step(int sequence) {
		for (StepExecution step : this.steps) {
			if (step.sequence() == sequence) {
				return step;
			}
		}
		return null;
	}

	/**
	 * Return the latest step whose compensation failed, which is what stopped the
	 * compensation of a {@link SagaState#FAILED} saga.
	 * @return the step, or {@code null} if none failed
	 */
	public @Nullable StepExecution failedStep() {
		for (int i = this.steps.size() - 1; i >= 0; i--) {
			StepExecution step = this.steps.get(i);
			if (step.state() == StepState.COMPENSATION_FAILED) {
				return step;
			}
		}
		return null;
	}

	/**
	 * Return a copy with another state and cause, and without a lease if the new state is
	 * not active.
	 * @param state the new state
	 * @param cause the new cause, or {@code null} to keep the current one
	 * @param now the time of the change
	 * @return the copy
	 */
	public SagaExecution withState(SagaState state, @Nullable String cause, Instant now) {
		boolean leased = state.isActive();
		return new SagaExecution(this.id, this.name, state, this.startedAt, now, (cause != null) ? cause : this.cause,
				leased ? this.leaseOwner : null, leased ? this.leaseUntil : null, this.steps);
	}

	/**
	 * Return a copy with another lease.
	 * @param owner the new owner, or {@code null} for none
	 * @param until when the new lease expires, or {@code null} for none
	 * @return the copy
	 */
	public SagaExecution withLease(@Nullable String owner, @Nullable Instant until) {
		return new SagaExecution(this.id, this.name, this.state, this.startedAt, this.updatedAt, this.cause, owner,
				until, this.steps);
	}

	/**
	 * Return a copy with the given step added, or replacing the step of the same
	 * sequence.
	 * @param step the step
	 * @return the copy
	 */
	public SagaExecution withStep(StepExecution step) {
		List<StepExecution> updated = new ArrayList<>(this.steps.size() + 1);
		for (StepExecution existing : this.steps) {
			if (existing.sequence() != step.sequence()) {
				updated.add(existing);
			}
		}
		updated.add(step);
		return new SagaExecution(this.id, this.name, this.state, this.startedAt, this.updatedAt, this.cause,
				this.leaseOwner, this.leaseUntil, updated);
	}

	/**
	 * Whether the lease is held by nobody or has expired.
	 * @param now the current time
	 * @return {@code true} if another instance may take it
	 */
	public boolean isLeaseExpired(Instant now) {
		return this.leaseUntil == null || !this.leaseUntil.isAfter(now);
	}

}
