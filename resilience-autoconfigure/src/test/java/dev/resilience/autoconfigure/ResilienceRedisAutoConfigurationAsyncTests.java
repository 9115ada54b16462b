package dev.resilience.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.resilience.annotation.RateLimited;
import dev.resilience.ratelimiter.RateLimiterRegistry;
import dev.resilience.ratelimiter.redis.TestRedisServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that {@code @RateLimited} methods returning {@code CompletableFuture},
 * {@code Mono} or {@code Flux} ask a Redis-backed rate limiter without blocking: with
 * Redis frozen, one thread starts many calls and stays free, and every call completes
 * once Redis answers.
 *
 * @author Resilience
 */
class ResilienceRedisAutoConfigurationAsyncTests {

	private static final int CALLS = 20;

	private TestRedisServer redis;

	private ExecutorService single;

	@BeforeEach
	void start() {
		this.redis = TestRedisServer.start();
		this.single = Executors.newSingleThreadExecutor();
	}

	@AfterEach
	void stop() {
		this.single.shutdownNow();
		this.redis.close();
	}

	@Test
	void asynchronousAndReactiveCallsNeverBlockTheirThreadWhileRedisIsSilent() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(ResilienceRedisAutoConfiguration.class, ResilienceAutoConfiguration.class))
			.withUserConfiguration(TestRedisServer.Connection.class)
			.withUserConfiguration(Services.class)
			.withPropertyValues("test.redis.port=" + this.redis.port(),
					"resilience.rate-limiter.defaults.backend=redis", "resilience.rate-limiter.defaults.limit=1000",
					"resilience.rate-limiter.defaults.burst=1000",
					// longer than Redis stays frozen, so that every call waits for Redis
					"resilience.rate-limiter.redis.command-timeout=20s")
			.run((context) -> {
				Service service = context.getBean(Service.class);
				assertThat(service.future().join()).isEqualTo("future");
				assertThat(context.getBean(RateLimiterRegistry.class).get("mono").isRemote()).isTrue();
				service.calls().set(0);
				this.redis.freeze();
				List<CompletableFuture<?>> pending;
				try {
					long start = System.nanoTime();
					pending = this.single.submit(() -> startCalls(service)).get(2, TimeUnit.SECONDS);
					// the thread is free again at once, for anything else it has to do
					assertThat(this.single.submit(() -> "free").get(1, TimeUnit.SECONDS)).isEqualTo("free");
					assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
					assertThat(pending).hasSize(3 * CALLS).noneMatch(CompletableFuture::isDone);
					assertThat(service.calls()).hasValue(0);
				}
				finally {
					this.redis.thaw();
				}
				CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
				assertThat(service.calls()).hasValue(3 * CALLS);
				assertThat(pending).allSatisfy((call) -> assertThat(call).isCompleted());
			});
	}

	private static List<CompletableFuture<?>> startCalls(Service service) {
		List<CompletableFuture<?>> pending = new ArrayList<>();
		for (int i = 0; i < CALLS; i++) {
			pending.add(service.future());
			pending.add(service.mono().toFuture());
			pending.add(service.flux().collectList().toFuture());
		}
		return pending;
	}

	@Configuration(proxyBeanMethods = false)
	static class Services {

		@Bean
		Service service() {
			return new Service();
		}

	}

	static class Service {

		private final AtomicInteger calls = new AtomicInteger();

		AtomicInteger calls() {
			return this.calls;
		}

		@RateLimited(name = "future")
		public CompletableFuture<String> future() {
			this.calls.incrementAndGet();
			return CompletableFuture.completedFuture("future");
		}

		@RateLimited(name = "mono")
		public Mono<String> mono() {
			return Mono.fromSupplier(() -> {
				this.calls.incrementAndGet();
				return "mono";
			});
		}

		@RateLimited(name = "flux")
		public Flux<String> flux() {
			return Flux.defer(() -> {
				this.calls.incrementAndGet();
				return Flux.just("a", "b");
			});
		}

	}

}
