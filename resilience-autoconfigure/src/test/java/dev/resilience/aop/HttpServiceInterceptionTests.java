package dev.resilience.aop;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import dev.resilience.annotation.CircuitBreaker;
import dev.resilience.annotation.Retry;
import dev.resilience.autoconfigure.ResilienceAutoConfiguration;
import dev.resilience.circuitbreaker.CircuitBreakerRegistry;
import dev.resilience.retry.RetryRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Regression tests for annotations on an {@code @HttpExchange} interface, whose client
 * Spring writes: with {@code @Cacheable} beside them the start failed asking to make a
 * method of the JDK proxy non-final; without it they were ignored. The client talks to a
 * real local HTTP server that answers 503 before it answers 200.
 *
 * @author Resilience
 */
class HttpServiceInterceptionTests {

	private final AtomicInteger requests = new AtomicInteger();

	private final AtomicInteger unavailable = new AtomicInteger();

	private HttpServer server;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ResilienceAutoConfiguration.class))
		.withPropertyValues("resilience.retry.defaults.wait-duration=1ms", "resilience.retry.defaults.jitter=0",
				"resilience.retry.instances.stock.max-attempts=3");

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/stock/", (exchange) -> {
			this.requests.incrementAndGet();
			String sku = exchange.getRequestURI().getPath().substring("/stock/".length());
			boolean down = this.unavailable.getAndDecrement() > 0;
			byte[] body = (down ? "busy" : "stock:" + sku).getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "text/plain");
			exchange.sendResponseHeaders(down ? 503 : 200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		this.server.start();
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
	}

	@Test
	void retriesAnHttpServiceClientMethodOnServiceUnavailable() {
		this.runner.withBean(StockClient.class, this::client).run((context) -> {
			this.unavailable.set(2);
			assertThat(context.getBean(StockClient.class).stock("plum")).isEqualTo("stock:plum");
			assertThat(this.requests).hasValue(3);
			assertThat(context.getBean(RetryRegistry.class).get("stock").metrics().successWithRetry()).isEqualTo(1);
			assertThat(context.getBean(CircuitBreakerRegistry.class).get("stock").metrics().bufferedCalls())
				.isEqualTo(3);
		});
	}

	@Test
	void startsWithACacheOnTheSameClientAndServesCacheHitsWithoutARequest() {
		this.runner.withUserConfiguration(Caching.class)
			.withBean(CachedStockClient.class, () -> factory().createClient(CachedStockClient.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				CachedStockClient client = context.getBean(CachedStockClient.class);
				this.unavailable.set(1);
				assertThat(client.stock("plum")).isEqualTo("stock:plum");
				assertThat(client.stock("plum")).isEqualTo("stock:plum");
				assertThat(this.requests).hasValue(2);
				assertThat(context.getBean(RetryRegistry.class).get("stock").metrics().successWithRetry()).isEqualTo(1);
			});
	}

	private StockClient client() {
		return factory().createClient(StockClient.class);
	}

	private HttpServiceProxyFactory factory() {
		RestClient restClient = RestClient.create("http://127.0.0.1:" + this.server.getAddress().getPort());
		return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(restClient)).build();
	}

	@HttpExchange("/stock")
	interface StockClient {

		@GetExchange("/{sku}")
		@Retry(name = "stock")
		@CircuitBreaker(name = "stock")
		String stock(@PathVariable String sku);

	}

	@HttpExchange("/stock")
	interface CachedStockClient {

		@GetExchange("/{sku}")
		@Cacheable("stock")
		@Retry(name = "stock")
		String stock(@PathVariable String sku);

	}

	@EnableCaching
	static class Caching {

		@Bean
		ConcurrentMapCacheManager cacheManager() {
			return new ConcurrentMapCacheManager();
		}

	}

}
