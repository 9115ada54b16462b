package dev.resilience.aop;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import dev.resilience.annotation.Saga;
import dev.resilience.annotation.SagaStep;
import dev.resilience.autoconfigure.ResilienceAutoConfiguration;
import dev.resilience.autoconfigure.ResilienceSagaAutoConfiguration;
import dev.resilience.saga.InMemorySagaStore;
import dev.resilience.saga.SagaStore;
import dev.resilience.saga.jdbc.JdbcSagaStore;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Regression tests for step values that lost precision on their way to the compensation:
 * decimals were read back through a JSON tree that held them as doubles, so
 * {@code 12345678901234567.89} arrived as {@code 12345678901234568} and {@code 12.50} as
 * {@code 12.5}. A compensation must receive what the application's {@code JsonMapper}
 * round-trips, equal to what the step was given and returned, scale included.
 *
 * @author Resilience
 */
class SagaStepValuePrecisionTests {

	private static final Amounts AMOUNTS = new Amounts(new BigDecimal("12345678901234567.89"), new BigDecimal("12.50"),
			9_007_199_254_740_993L, new BigInteger("123456789012345678901234567890"),
			new Price(new BigDecimal("0.10"), "EUR"),
			List.of(new BigDecimal("1.10"), new BigDecimal("99999999999999999.99")));

	private static final Receipt RECEIPT = new Receipt(new BigDecimal("100000000000000000.0100"), Long.MAX_VALUE - 1,
			new BigInteger("-98765432109876543210987654321"), new Price(new BigDecimal("7.000"), "CHF"));

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, ResilienceAutoConfiguration.class,
				ResilienceSagaAutoConfiguration.class))
		.withPropertyValues("resilience.saga.compensation-retry.max-attempts=1")
		.withBean(Unbooked.class)
		.withBean("ledger", Ledger.class)
		.withBean(Checkout.class);

	@Test
	void compensationReceivesExactDecimalsAndLargeNumbersFromTheInMemoryLog() {
		this.runner.run((context) -> {
			assertThat(context.getBean(SagaStore.class)).isInstanceOf(InMemorySagaStore.class);
			assertCompensationReceivesWhatTheStepHad(context);
		});
	}

	@Test
	void compensationReceivesExactDecimalsAndLargeNumbersFromTheJdbcLog() {
		this.runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID())
			.run((context) -> {
				assertThat(context.getBean(SagaStore.class)).isInstanceOf(JdbcSagaStore.class);
				assertCompensationReceivesWhatTheStepHad(context);
			});
	}

	@Test
	void applicationMapperRoundTripsTheValuesUsedHere() {
		this.runner.run((context) -> {
			JsonMapper mapper = context.getBean(JsonMapper.class);
			assertThat(mapper.readValue(mapper.writeValueAsString(AMOUNTS), Amounts.class)).isEqualTo(AMOUNTS);
			assertThat(mapper.readValue(mapper.writeValueAsString(RECEIPT), Receipt.class)).isEqualTo(RECEIPT);
		});
	}

	private static void assertCompensationReceivesWhatTheStepHad(AssertableApplicationContext context) {
		assertThatIllegalStateException().isThrownBy(() -> context.getBean(Checkout.class).checkout(AMOUNTS))
			.withMessage("shipping refused");
		Unbooked unbooked = context.getBean(Unbooked.class);
		// equals on BigDecimal compares the scale as well as the value
		assertThat(unbooked.amounts.get()).isEqualTo(AMOUNTS);
		assertThat(unbooked.receipt.get()).isEqualTo(RECEIPT);
		assertThat(unbooked.amounts.get().large()).isEqualByComparingTo("12345678901234567.89");
		assertThat(unbooked.amounts.get().scaled()).hasScaleOf(2);
	}

	record Price(BigDecimal amount, String currency) {
	}

	record Amounts(BigDecimal large, BigDecimal scaled, long beyondDouble, BigInteger huge, Price price,
			List<BigDecimal> lines) {
	}

	record Receipt(BigDecimal total, long reference, BigInteger ledgerId, Price fee) {
	}

	/**
	 * What the compensation was given.
	 */
	static class Unbooked {

		final AtomicReference<Amounts> amounts = new AtomicReference<>();

		final AtomicReference<Receipt> receipt = new AtomicReference<>();

	}

	static class Ledger {

		private final Unbooked unbooked;

		Ledger(Unbooked unbooked) {
			this.unbooked = unbooked;
		}

		@SagaStep(name = "book", compensation = "unbook")
		public Receipt book(BigDecimal large, BigDecimal scaled, long beyondDouble, BigInteger huge, Price price,
				List<BigDecimal> lines) {
			return RECEIPT;
		}

		void unbook(BigDecimal large, BigDecimal scaled, long beyondDouble, BigInteger huge, Price price,
				List<BigDecimal> lines, Receipt receipt) {
			this.unbooked.amounts.set(new Amounts(large, scaled, beyondDouble, huge, price, lines));
			this.unbooked.receipt.set(receipt);
		}

	}

	static class Checkout {

		private final Ledger ledger;

		Checkout(Ledger ledger) {
			this.ledger = ledger;
		}

		@Saga(name = "checkout")
		public void checkout(Amounts amounts) {
			this.ledger.book(amounts.large(), amounts.scaled(), amounts.beyondDouble(), amounts.huge(), amounts.price(),
					amounts.lines());
			throw new IllegalStateException("shipping refused");
		}

	}

}
