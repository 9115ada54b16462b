package dev.resilience.circuitbreaker;

import dev.resilience.circuitbreaker.HalfOpenTrial.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HalfOpenTrial}.
 *
 * @author Resilience
 */
class HalfOpenTrialTests {

	@ParameterizedTest(name = "threshold {0}, {1} trials, outcomes {2}")
	@CsvSource({ "50, 5, FFF, REOPEN", "50, 5, SSS, CLOSE", "50, 5, FSFSF, REOPEN", "50, 5, SFSFS, CLOSE",
			"1, 5, SSSSF, REOPEN", "1, 5, SSSSS, CLOSE", "1, 5, F, REOPEN", "100, 5, FFFFF, REOPEN", "100, 5, S, CLOSE",
			"100, 5, FFFFS, CLOSE", "60, 5, FFF, REOPEN", "60, 5, SFSS, CLOSE", "40, 5, FF, REOPEN",
			"40, 5, SSSS, CLOSE", "50, 1, F, REOPEN", "50, 1, S, CLOSE", "50, 2, F, REOPEN", "50, 2, SS, CLOSE",
			"33.4, 3, FF, REOPEN", "33.4, 3, SS, CLOSE", "33.3, 3, F, REOPEN" })
	void decidesOnTheCallThatMakesTheOutcomeCertain(float threshold, int permitted, String outcomes, Verdict expected) {
		HalfOpenTrial trial = new HalfOpenTrial(permitted, threshold, 100);
		for (int i = 0; i < outcomes.length(); i++) {
			assertThat(trial.tryAcquire()).isTrue();
			Verdict verdict = trial.record(outcomes.charAt(i) == 'F', false);
			Verdict due = (i == outcomes.length() - 1) ? expected : Verdict.PENDING;
			assertThat(verdict).as("verdict after call %d", i + 1).isEqualTo(due);
		}
	}

	@Test
	void admitsNoMoreThanPermittedCallsInFlightOrDone() {
		HalfOpenTrial trial = new HalfOpenTrial(3, 50, 100);
		assertThat(trial.tryAcquire()).isTrue();
		assertThat(trial.tryAcquire()).isTrue();
		assertThat(trial.record(false, false)).isEqualTo(Verdict.PENDING);
		assertThat(trial.tryAcquire()).isTrue();
		assertThat(trial.tryAcquire()).isFalse();
	}

	@Test
	void reachesItsVerdictOnlyOnce() {
		HalfOpenTrial trial = new HalfOpenTrial(3, 50, 100);
		trial.tryAcquire();
		trial.tryAcquire();
		trial.tryAcquire();
		assertThat(trial.record(true, false)).isEqualTo(Verdict.PENDING);
		assertThat(trial.record(true, false)).isEqualTo(Verdict.REOPEN);
		assertThat(trial.record(true, false)).isEqualTo(Verdict.PENDING);
		assertThat(trial.bufferedCalls()).isEqualTo(2);
	}

	@Test
	void slowCallsDecideByTheSlowCallRateThreshold() {
		HalfOpenTrial trial = new HalfOpenTrial(4, 100, 50);
		trial.tryAcquire();
		trial.tryAcquire();
		assertThat(trial.record(false, true)).isEqualTo(Verdict.PENDING);
		assertThat(trial.record(false, true)).isEqualTo(Verdict.REOPEN);
		assertThat(trial.slowCallRate()).isEqualTo(100f);
		assertThat(trial.failureRate()).isZero();
	}

}
