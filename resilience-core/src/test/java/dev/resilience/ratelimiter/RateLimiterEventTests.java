package dev.resilience.ratelimiter;

import java.time.Duration;

import dev.resilience.core.ResilienceEvent;
import dev.resilience.testsupport.ManualTimeSource;
import org.junit.jupiter.api.Test;

import static dev.resilience.ratelimiter.Limiters.drain;
import static dev.resilience.ratelimiter.Limiters.limiter;
import static dev.resilience.ratelimiter.Limiters.tokenBucket;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the events and metrics of a {@link RateLimiter}.
 *
 * @author Resilience
 */
class RateLimiterEventTests {

	private static final Object KEY = RateLimiter.DEFAULT_KEY;

	private final ManualTimeSource clock = new ManualTimeSource();

	@Test
	void permitsRecordNoEvent() {
		RateLimiter limiter = limiter(tokenBucket(10, Duration.ofSeconds(1), 10), this.clock);
		for (int i = 0; i < 10; i++) {
			assertThat(limiter.reserve(KEY, 0)).isZero();
		}
		assertThat(limiter.events().totalCount()).isZero();
	}

	@Test
	void recordsARejectionAtMostOncePerSecond() {
		RateLimiter limiter = limiter(tokenBucket(10, Duration.ofSeconds(1), 1), this.clock);
		limiter.reserve(KEY, 0);
		for (int i = 0; i < 1000; i++) {
			limiter.reserve(KEY, 0);
		}
		assertThat(limiter.events().recent()).singleElement().satisfies((event) -> {
			assertThat(event.type()).isEqualTo("REJECTED");
			assertThat(event.timestamp()).isEqualTo(ManualTimeSource.START);
			assertThat(event.message())
				.isEqualTo("Rejected a call: the next permit is available in 100ms; 1 rejected in total");
			assertThat(event.error()).isNull();
		});
		this.clock.advanceMillis(999);
		assertThat(drain(limiter, KEY)).isOne();
		assertThat(limiter.events().totalCount()).isOne();
		this.clock.advanceMillis(1);
		limiter.reserve(KEY, 0);
		assertThat(limiter.events().recent()).extracting(ResilienceEvent::message)
			.last()
			.isEqualTo("Rejected a call: the next permit is available in 99ms; 1002 rejected in total");
	}

	@Test
	void countsPermittedAndRejectedCallsOverAllKeys() {
		RateLimiter limiter = limiter(tokenBucket(10, Duration.ofSeconds(1), 2), this.clock);
		drain(limiter, KEY);
		drain(limiter, "a");
		drain(limiter, "b");
		limiter.reserve("a", Duration.ofSeconds(1).toNanos());
		RateLimiterMetrics metrics = limiter.metrics();
		assertThat(metrics.permittedCalls()).isEqualTo(7);
		assertThat(metrics.rejectedCalls()).isEqualTo(3);
		assertThat(metrics.liveKeys()).isEqualTo(2);
		assertThat(metrics.keyCapRejections()).isZero();
		assertThat(metrics).hasToString("RateLimiterMetrics[permittedCalls=7, rejectedCalls=3, availablePermits=0, "
				+ "liveKeys=2, keyCapRejections=0]");
	}

	@Test
	void exposesItsNameAndConfiguration() {
		RateLimiterConfig config = tokenBucket(10, Duration.ofSeconds(1), 2);
		RateLimiter limiter = limiter(config, this.clock);
		assertThat(limiter.name()).isEqualTo("api");
		assertThat(limiter.config()).isSameAs(config);
		assertThat(limiter).hasToString("RateLimiter 'api'");
		assertThat(RateLimiter.DEFAULT_KEY).hasToString("DEFAULT_KEY");
	}

}
