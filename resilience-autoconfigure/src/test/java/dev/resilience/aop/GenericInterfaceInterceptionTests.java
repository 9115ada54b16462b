package dev.resilience.aop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;

import dev.resilience.annotation.CircuitBreaker;
import dev.resilience.annotation.Retry;
import dev.resilience.autoconfigure.ResilienceAutoConfiguration;
import dev.resilience.circuitbreaker.CircuitBreakerRegistry;
import dev.resilience.retry.RetryRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Regression tests for annotated methods that implement a generic supertype's method:
 * called through the supertype, they are reached through a bridge method, which the
 * pipelines once did not match, so the annotations were silently ignored.
 *
 * @author Resilience
 */
class GenericInterfaceInterceptionTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ResilienceAutoConfiguration.class))
		.withPropertyValues("resilience.retry.defaults.wait-duration=1ms", "resilience.retry.defaults.jitter=0",
				"resilience.retry.defaults.max-attempts=3");

	@Test
	void retriesAGenericInterfaceMethodCalledThroughTheInterface() {
		this.runner.withBean(StringHandler.class).run((context) -> {
			@SuppressWarnings("unchecked")
			Handler<String> handler = context.getBean(Handler.class);
			StringHandler.calls.set(0);
			StringHandler.failures.set(2);
			handler.handle("a");
			assertThat(StringHandler.calls).hasValue(3);
			assertThat(context.getBean(CircuitBreakerRegistry.class).get("handler").metrics().bufferedCalls())
				.isEqualTo(3);
			assertThat(context.getBean(RetryRegistry.class).get("handler").metrics().successWithRetry()).isEqualTo(1);
		});
	}

	@Test
	void retriesAMethodReturningATypeVariableCalledThroughTheInterface() {
		this.runner.withBean(StringLoader.class).run((context) -> {
			@SuppressWarnings("unchecked")
			Loader<String> loader = context.getBean(Loader.class);
			StringLoader.calls.set(0);
			assertThat(loader.load("a")).isEqualTo("loaded:a");
			assertThat(StringLoader.calls).hasValue(2);
		});
	}

	@Test
	void retriesAMethodOfAGenericAbstractClassCalledThroughTheAbstractClass() {
		this.runner.withBean(StringSaver.class).run((context) -> {
			@SuppressWarnings("unchecked")
			AbstractSaver<String> saver = context.getBean(AbstractSaver.class);
			StringSaver.calls.set(0);
			saver.save("a");
			assertThat(StringSaver.calls).hasValue(2);
		});
	}

	@Test
	void retriesAnApplicationListenerCalledByTheEventMulticaster() {
		this.runner.withBean(FlakyListener.class).run((context) -> {
			FlakyListener.calls.set(0);
			context.publishEvent(new PingEvent(this));
			assertThat(FlakyListener.calls).hasValue(2);
			assertThat(context.getBean(RetryRegistry.class).get("listener").metrics().successWithRetry()).isEqualTo(1);
		});
	}

	interface Handler<T> {

		void handle(T event);

	}

	static class StringHandler implements Handler<String> {

		static final AtomicInteger calls = new AtomicInteger();

		static final AtomicInteger failures = new AtomicInteger();

		@Override
		@Retry(name = "handler")
		@CircuitBreaker(name = "handler")
		public void handle(String event) {
			calls.incrementAndGet();
			if (failures.getAndDecrement() > 0) {
				throw new UncheckedIOException(new IOException("down"));
			}
		}

	}

	interface Loader<T> {

		T load(String id);

	}

	static class StringLoader implements Loader<String> {

		static final AtomicInteger calls = new AtomicInteger();

		@Override
		@Retry(name = "loader")
		public String load(String id) {
			if (calls.incrementAndGet() == 1) {
				throw new UncheckedIOException(new IOException("down"));
			}
			return "loaded:" + id;
		}

	}

	abstract static class AbstractSaver<T> {

		abstract void save(T value);

	}

	static class StringSaver extends AbstractSaver<String> {

		static final AtomicInteger calls = new AtomicInteger();

		@Override
		@Retry(name = "saver")
		void save(String value) {
			if (calls.incrementAndGet() == 1) {
				throw new UncheckedIOException(new IOException("down"));
			}
		}

	}

	static class PingEvent extends ApplicationEvent {

		PingEvent(Object source) {
			super(source);
		}

	}

	static class FlakyListener implements ApplicationListener<PingEvent> {

		static final AtomicInteger calls = new AtomicInteger();

		@Override
		@Retry(name = "listener")
		public void onApplicationEvent(PingEvent event) {
			if (calls.incrementAndGet() == 1) {
				throw new UncheckedIOException(new IOException("down"));
			}
		}

	}

}
