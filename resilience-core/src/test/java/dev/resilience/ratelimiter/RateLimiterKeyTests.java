package dev.resilience.ratelimiter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.resilience.core.ResilienceEvent;
import dev.resilience.testsupport.ManualTimeSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static dev.resilience.ratelimiter.Limiters.drain;
import static dev.resilience.ratelimiter.Limiters.limiter;
import static dev.resilience.ratelimiter.Limiters.tokenBucket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * Tests for the per-key buckets of a {@link RateLimiter}: isolation, expiry and the cap.
 *
 * @author Resilience
 */
class RateLimiterKeyTests {

	private final ManualTimeSource clock = new ManualTimeSource();

	@Test
	void eachKeyHasItsOwnBucket() {
		RateLimiter limiter = limiter(tokenBucket(10, Duration.ofSeconds(1), 2), this.clock);
		assertThat(drain(limiter, "alice")).isEqualTo(2);
		assertThat(drain(limiter, "bob")).isEqualTo(2);
		assertThat(drain(limiter, RateLimiter.DEFAULT_KEY)).isEqualTo(2);
		assertThat(limiter.reserve("alice", 0)).isEqualTo(RateLimiter.NO_PERMIT);
		assertThat(limiter.metrics().liveKeys()).isEqualTo(2);
	}

	@Test
	void keysAreComparedWithEquals() {
		RateLimiter limiter = limiter(tokenBucket(10, Duration.ofSeconds(1), 2), this.clock);
		assertThat(drain(limiter, new String("alice"))).isEqualTo(2);
		assertThat(limiter.reserve("alice", 0)).isEqualTo(RateLimiter.NO_PERMIT);
		assertThat(drain(limiter, List.of("tenant", 1))).isEqualTo(2);
		assertThat(limiter.reserve(List.of("tenant", 1), 0)).isEqualTo(RateLimiter.NO_PERMIT);
	}

	@Test
	void rejectsANullKey() {
		RateLimiter limiter = limiter(RateLimiterConfig.ofDefaults(), this.clock);
		assertThatNullPointerException().isThrownBy(() -> limiter.reserve(null, 0)).withMessage("key must not be null");
	}

	@Test
	void dropsIdleBucketsAsNewKeysArrive() {
		RateLimiter limiter = limiter(tokenBucket(10, Duration.ofSeconds(1), 10), this.clock);
		for (int i = 0; i < KeyedBuckets.MIN_SWEEP_BATCH; i++) {
			assertThat(limiter.reserve("first-" + i, 0)).isZero();
		}
		assertThat(limiter.metrics().liveKeys()).isEqualTo(KeyedBuckets.MIN_SWEEP_BATCH);
		this.clock.advance(Duration.ofSeconds(1));
		for (int i = 0; i < KeyedBuckets.MIN_SWEEP_BATCH; i++) {
			assertThat(limiter.reserve("second-" + i, 0)).isZero();
		}
		assertThat(limiter.metrics().liveKeys()).isEqualTo(KeyedBuckets.MIN_SWEEP_BATCH);
		assertThat(limiter.keyedBuckets().mappedKeys()).isEqualTo(KeyedBuckets.MIN_SWEEP_BATCH);
	}

	@Test
	void keepsBucketsThatAreNotFullAgain() {
		RateLimiter limiter = limiter(tokenBucket(10, Duration.ofSeconds(1), 10), this.clock);
		for (int i = 0; i < KeyedBuckets.MIN_SWEEP_BATCH; i++) {
			drain(limiter, "first-" + i);
		}
		// each first bucket needs a second to refill
		this.clock.advanceMillis(999);
		for (int i = 0; i < KeyedBuckets.MIN_SWEEP_BATCH; i++) {
			limiter.reserve("second-" + i, 0);
		}
		assertThat(limiter.metrics().liveKeys()).isEqualTo(2 * KeyedBuckets.MIN_SWEEP_BATCH);
		assertThat(drain(limiter, "first-0")).isEqualTo(9);
	}

	@Test
	void rejectsNewKeysBeyondTheCapAndCountsThem() {
		RateLimiter limiter = limiter(tokenBucket(10, Duration.ofSeconds(1), 10).toBuilder().maxKeys(3).build(),
				this.clock);
		List<RateLimiter> told = new ArrayList<>();
		limiter.addKeyCapListener(told::add);
		for (String key : List.of("a", "b", "c")) {
			assertThat(limiter.reserve(key, 0)).isZero();
		}
		assertThat(limiter.reserve("d", 0)).isEqualTo(RateLimiter.NO_PERMIT);
		assertThat(limiter.reserve("e", Long.MAX_VALUE)).isEqualTo(RateLimiter.NO_PERMIT);
		assertThat(limiter.reserve("a", 0)).isZero();
		assertThat(limiter.reserve(RateLimiter.DEFAULT_KEY, 0)).isZero();
		assertThat(limiter.metrics().keyCapRejections()).isEqualTo(2);
		assertThat(limiter.metrics().rejectedCalls()).isEqualTo(2);
		assertThat(limiter.metrics().permittedCalls()).isEqualTo(5);
		assertThat(limiter.metrics().liveKeys()).isEqualTo(3);
		assertThat(told).containsExactly(limiter);
		assertThat(limiter.events().recent()).extracting(ResilienceEvent::type).containsExactly("KEY_CAP_REACHED");
		assertThat(limiter.events().recent().get(0).message())
			.isEqualTo("Rejected a call with a new key: 3 keys are tracked and none is idle; 1 such calls in total");
	}

	@Test
	void tellsTheKeyCapListenerOnlyTheFirstTime() {
		RateLimiter limiter = limiter(tokenBucket(10, Duration.ofSeconds(1), 10).toBuilder().maxKeys(1).build(),
				this.clock);
		List<RateLimiter> told = new ArrayList<>();
		limiter.addKeyCapListener(told::add);
		limiter.reserve("a", 0);
		for (int i = 0; i < 100; i++) {
			this.clock.advanceMillis(50);
			limiter.reserve("a", 0);
			limiter.reserve("new-" + i, 0);
		}
		assertThat(told).hasSize(1);
		assertThat(limiter.metrics().keyCapRejections()).isEqualTo(100);
		// at most one per second: at 50ms, 1050ms, 2050ms, 3050ms and 4050ms
		assertThat(limiter.events().recent()).filteredOn((event) -> event.type().equals("KEY_CAP_REACHED")).hasSize(5);
	}

	@Test
	void dropsIdleBucketsWhenTheCapIsReached() {
		RateLimiter limiter = limiter(tokenBucket(10, Duration.ofSeconds(1), 10).toBuilder().maxKeys(3).build(),
				this.clock);
		for (String key : List.of("a", "b", "c")) {
			drain(limiter, key);
		}
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(limiter.reserve("d", 0)).isZero();
		assertThat(limiter.reserve("e", 0)).isZero();
		assertThat(limiter.reserve("f", 0)).isZero();
		assertThat(limiter.metrics().liveKeys()).isEqualTo(3);
		assertThat(limiter.metrics().keyCapRejections()).isZero();
	}

	@Test
	void neverDropsABucketInUseToMakeRoom() {
		RateLimiter limiter = limiter(tokenBucket(10, Duration.ofSeconds(1), 10).toBuilder().maxKeys(2).build(),
				this.clock);
		drain(limiter, "a");
		drain(limiter, "b");
		this.clock.advanceMillis(950);
		assertThat(limiter.reserve("c", 0)).isEqualTo(RateLimiter.NO_PERMIT);
		assertThat(drain(limiter, "a")).isEqualTo(9);
		assertThat(limiter.metrics().liveKeys()).isEqualTo(2);
	}

	@Test
	void sweepsAtMostOncePerPeriodWhileTheCapHolds() {
		RateLimiter limiter = limiter(tokenBucket(10, Duration.ofSeconds(1), 1).toBuilder().maxKeys(1).build(),
				this.clock);
		limiter.reserve("a", 0);
		// the cap sweep runs now and finds "a" in use; "a" is idle from 100ms on
		assertThat(limiter.reserve("b", 0)).isEqualTo(RateLimiter.NO_PERMIT);
		this.clock.advanceMillis(999);
		RateLimitExceededException rejection = assertThatExceptionOfType(RateLimitExceededException.class)
			.isThrownBy(() -> limiter.acquirePermission("b"))
			.actual();
		assertThat(rejection.getRetryAfter()).isEqualTo(Duration.ofMillis(1));
		this.clock.advanceMillis(1);
		assertThat(limiter.reserve("b", 0)).isZero();
	}

	@Test
	void boundsMemoryWithAMillionDistinctKeys() {
		RateLimiter limiter = limiter(tokenBucket(10, Duration.ofSeconds(1), 10).toBuilder().maxKeys(10_000).build(),
				this.clock);
		for (int i = 0; i < 1_000_000; i++) {
			limiter.reserve(i, 0);
		}
		assertThat(limiter.metrics().liveKeys()).isEqualTo(10_000);
		assertThat(limiter.keyedBuckets().mappedKeys()).isEqualTo(10_000);
		assertThat(limiter.metrics().permittedCalls()).isEqualTo(10_000);
		assertThat(limiter.metrics().keyCapRejections()).isEqualTo(990_000);
	}

	@Test
	void boundsMemoryWithAMillionDistinctKeysWhileTimePasses() {
		// a bucket is idle 10ms after its one call, and the cap sweep runs every 100ms
		RateLimiter limiter = limiter(tokenBucket(10, Duration.ofMillis(100), 1).toBuilder().maxKeys(10_000).build(),
				this.clock);
		int mostLive = 0;
		for (int i = 0; i < 1_000_000; i++) {
			limiter.reserve(i, 0);
			mostLive = Math.max(mostLive, limiter.metrics().liveKeys());
			this.clock.advanceNanos(1_000);
		}
		assertThat(mostLive).isEqualTo(10_000);
		assertThat(limiter.keyedBuckets().mappedKeys()).isLessThanOrEqualTo(10_000);
		// 10,000 keys in the first 10ms; then the sweep at 10ms drops the one bucket idle
		// by then, and each sweep from 110ms to 910ms drops all 10,000, idle by then
		assertThat(limiter.metrics().permittedCalls()).isEqualTo(10_000 + 1 + 9 * 10_000);
		assertThat(limiter.metrics().permittedCalls() + limiter.metrics().rejectedCalls()).isEqualTo(1_000_000);
	}

	@ParameterizedTest
	@EnumSource(RateLimiterAlgorithm.class)
	void staleCallerNeverDatesItsPermitBeforeTheSweepThatDroppedTheKeysBucket(RateLimiterAlgorithm algorithm) {
		StallingTimeSource stalling = new StallingTimeSource(this.clock);
		RateLimiterConfig config = RateLimiterConfig.builder()
			.algorithm(algorithm)
			.limit(2)
			.period(Duration.ofSeconds(1))
			.burst(2)
			.build();
		RateLimiter limiter = limiter(config, stalling);
		this.clock.advance(Duration.ofSeconds(10));
		// while the caller below stalls between reading the clock and creating the
		// bucket of "k", others use "k", then its bucket goes idle and a sweep drops it
		stalling.stallNextRead(() -> {
			this.clock.advanceMillis(1);
			assertThat(drain(limiter, "k")).isEqualTo(2);
			this.clock.advance(Duration.ofSeconds(1));
			for (int i = 1; i < KeyedBuckets.MIN_SWEEP_BATCH; i++) {
				limiter.reserve(i, 0);
			}
			assertThat(limiter.keyedBuckets().mappedKeys()).isEqualTo(KeyedBuckets.MIN_SWEEP_BATCH - 1);
		});
		assertThat(limiter.reserve("k", 0)).isZero();
		// the stalled caller's permit is dated now, so the bucket holds one more, not two
		assertThat(drain(limiter, "k")).isOne();
	}

}
