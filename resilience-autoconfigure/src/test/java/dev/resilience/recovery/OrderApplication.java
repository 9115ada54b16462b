package dev.resilience.recovery;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import dev.resilience.annotation.Saga;
import dev.resilience.annotation.SagaStep;
import dev.resilience.autoconfigure.ResilienceAutoConfiguration;
import dev.resilience.autoconfigure.ResilienceSagaAutoConfiguration;
import dev.resilience.saga.SagaContext;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An application with a three-step order saga whose steps and compensations write what
 * they did to the database ({@code effects} table), so that what happened in a process
 * that was killed can be checked from another one. A crash point makes the saga stop dead
 * where it is named.
 *
 * @author Resilience
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, ResilienceAutoConfiguration.class,
		ResilienceSagaAutoConfiguration.class })
class OrderApplication {

	static final String EFFECTS_TABLE = "CREATE TABLE IF NOT EXISTS effects (order_id VARCHAR(64) NOT NULL, "
			+ "entry VARCHAR(64) NOT NULL, instance VARCHAR(200))";

	@Bean
	Effects effects(JdbcClient jdbc, Environment environment) {
		return new Effects(jdbc, environment.getProperty("orders.instance", "test"),
				environment.getProperty("orders.compensation-delay", Duration.class, Duration.ZERO));
	}

	@Bean
	OrderSteps orderSteps(Effects effects) {
		return new OrderSteps(effects);
	}

	@Bean
	Orders orders(OrderSteps orderSteps) {
		return new Orders(orderSteps);
	}

	@Bean
	JdbcClient jdbcClient(javax.sql.DataSource dataSource) {
		return JdbcClient.create(dataSource);
	}

	/**
	 * Where the saga stops dead, if anywhere: the name of a point such as
	 * {@code charge:during}; set in the process that is to be killed.
	 */
	static final class CrashPoint {

		static volatile String armed = "";

		private CrashPoint() {
		}

		static void reach(String point) {
			if (!point.equals(armed)) {
				return;
			}
			SagaContext saga = SagaContext.current();
			System.out.println("CRASH-POINT " + point + " " + ((saga != null) ? saga.id() : "none"));
			System.out.flush();
			try {
				// nothing counts it down: the process waits here to be killed
				new CountDownLatch(1).await(1, TimeUnit.HOURS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			throw new IllegalStateException("Crash point " + point + " was not killed");
		}

	}

	/**
	 * Writes what steps and compensations did, and which instance did it; compensations
	 * may be made slow.
	 */
	static class Effects {

		private final JdbcClient jdbc;

		private final String instance;

		private final Duration compensationDelay;

		Effects(JdbcClient jdbc, String instance, Duration compensationDelay) {
			this.jdbc = jdbc;
			this.instance = instance;
			this.compensationDelay = compensationDelay;
		}

		void record(String orderId, String entry) {
			this.jdbc.sql("INSERT INTO effects (order_id, entry, instance) VALUES (?, ?, ?)")
				.params(orderId, entry, this.instance)
				.update();
		}

		void compensated(String orderId, String entry) {
			// stands for a slow remote call
			LockSupport.parkNanos(this.compensationDelay.toNanos());
			record(orderId, entry);
		}

	}

	static class OrderSteps {

		private final Effects effects;

		OrderSteps(Effects effects) {
			this.effects = effects;
		}

		@SagaStep(name = "reserve", compensation = "release")
		public String reserve(String orderId) {
			this.effects.record(orderId, "reserve");
			CrashPoint.reach("reserve:during");
			return "hold-" + orderId;
		}

		public void release(String orderId, String hold) {
			this.effects.compensated(orderId, "release " + hold);
		}

		@SagaStep(name = "charge", compensation = "refund")
		public long charge(String orderId, long cents) {
			this.effects.record(orderId, "charge");
			CrashPoint.reach("charge:during");
			return cents;
		}

		public void refund(String orderId, long cents, Long charged) {
			this.effects.compensated(orderId, "refund " + charged);
		}

		@SagaStep(name = "ship", compensation = "cancel")
		public String ship(String orderId) {
			this.effects.record(orderId, "ship");
			CrashPoint.reach("ship:during");
			return "track-" + orderId;
		}

		public void cancel(String orderId, String tracking) {
			this.effects.compensated(orderId, "cancel " + tracking);
		}

	}

	static class Orders {

		private final OrderSteps steps;

		Orders(OrderSteps steps) {
			this.steps = steps;
		}

		@Saga(name = "place-order")
		public String place(String orderId) {
			CrashPoint.reach("reserve:before");
			String hold = this.steps.reserve(orderId);
			CrashPoint.reach("charge:before");
			long charged = this.steps.charge(orderId, 1999);
			CrashPoint.reach("ship:before");
			String tracking = this.steps.ship(orderId);
			CrashPoint.reach("ship:after");
			return hold + "/" + charged + "/" + tracking;
		}

	}

}
