package dev.resilience.aop;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link JacksonStepCodec}.
 *
 * @author Resilience
 */
class JacksonStepCodecTests {

	private final JacksonStepCodec codec = new JacksonStepCodec(JsonMapper.builder().build());

	@Test
	void decodesArgumentsToTheParameterTypesGenericsIncluded() {
		Object[] arguments = { "sku-1", 2, List.of(new Line("a", 1)), Map.of("k", new Line("b", 2)) };
		Type[] types = parameterTypes("withGenerics");
		assertThat(this.codec.decodeArguments(this.codec.encode(arguments), types)).containsExactly(arguments);
	}

	@Test
	void decodesArgumentsWithoutTheTrailingResultParameter() {
		Type[] types = parameterTypes("withResult");
		assertThat(this.codec.decodeArguments("[\"sku-1\"]", types)).containsExactly("sku-1");
	}

	@Test
	void decimalArgumentsKeepEveryDigitAndTheirScale() {
		Object[] arguments = { new BigDecimal("12345678901234567.89"), new BigDecimal("12.50"),
				List.of(new BigDecimal("0.10"), new BigDecimal("99999999999999999.99")),
				new Priced(new BigDecimal("1E+3"), new BigDecimal("-0.000000000000000000001")) };
		assertThat(this.codec.decodeArguments(this.codec.encode(arguments), parameterTypes("decimals")))
			.containsExactly(arguments);
	}

	@Test
	void integerArgumentsBeyondDoublePrecisionKeepEveryDigit() {
		Object[] arguments = { 9_007_199_254_740_993L, Long.MIN_VALUE + 1,
				new BigInteger("123456789012345678901234567890"),
				new Counted(Long.MAX_VALUE, BigInteger.TWO.pow(100)) };
		assertThat(this.codec.decodeArguments(this.codec.encode(arguments), parameterTypes("integers")))
			.containsExactly(arguments);
	}

	@Test
	void decimalResultKeepsEveryDigitAndItsScale() {
		Priced result = new Priced(new BigDecimal("12345678901234567.890"), new BigDecimal("12.50"));
		assertThat(this.codec.decode(this.codec.encode(result), Priced.class)).isEqualTo(result);
		assertThat(this.codec.decode("12.50", BigDecimal.class)).isEqualTo(new BigDecimal("12.50"));
	}

	@Test
	void missingResultDecodesAsNull() {
		assertThat(this.codec.decode(null, String.class)).isNull();
		assertThat(this.codec.decode(null, BigDecimal.class)).isNull();
	}

	@Test
	void decodesWithTheConfigurationOfTheGivenMapper() {
		JacksonStepCodec codec = new JacksonStepCodec(
				JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build());
		assertThat(codec.decodeArguments("[12.50]", parameterTypes("anything")))
			.containsExactly(new BigDecimal("12.50"));
		assertThat(this.codec.decodeArguments("[12.50]", parameterTypes("anything"))).containsExactly(12.5);
	}

	@Test
	void argumentsThatAreNotAnArrayOfTheRightSizeAreRejected() {
		Type[] types = parameterTypes("withResult");
		assertThatIllegalArgumentException().isThrownBy(() -> this.codec.decodeArguments("[\"a\", 1, 2]", types))
			.withMessage("Stored arguments [\"a\", 1, 2] do not fit 2 parameters: a JSON array of 2 or 1 values "
					+ "is expected");
		assertThatIllegalArgumentException().isThrownBy(() -> this.codec.decodeArguments("[]", types))
			.withMessageStartingWith("Stored arguments [] do not fit 2 parameters");
		assertThatIllegalArgumentException().isThrownBy(() -> this.codec.decodeArguments("{\"a\": 1}", types))
			.withMessageStartingWith("Stored arguments {\"a\": 1} do not fit 2 parameters");
	}

	private static Type[] parameterTypes(String name) {
		Method method = ReflectionUtils.findMethod(Signatures.class, name, (Class<?>[]) null);
		return method.getGenericParameterTypes();
	}

	record Line(String sku, int quantity) {
	}

	record Priced(BigDecimal amount, BigDecimal fee) {
	}

	record Counted(long count, BigInteger total) {
	}

	interface Signatures {

		void withGenerics(String sku, int quantity, List<Line> lines, Map<String, Line> bySku);

		void withResult(String sku, String result);

		void decimals(BigDecimal large, BigDecimal scaled, List<BigDecimal> lines, Priced priced);

		void integers(long beyondDouble, long negative, BigInteger huge, Counted counted);

		void anything(Object value);

	}

}
