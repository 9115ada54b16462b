package dev.resilience.aop;

import java.lang.invoke.MethodHandles;
import java.util.List;
import java.util.function.IntSupplier;

import org.junit.jupiter.api.Test;

import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.framework.ProxyFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RewindCheck}.
 *
 * @author Resilience
 */
class RewindCheckTests {

	@Test
	void trustsTheRewindOfJdkAndCglibProxyInvocationsOfTheSpringVersionInUse() {
		RewindCheck check = RewindCheck.result();
		assertThat(check.failure()).isEmpty();
		ChainPosition position = check.position();
		assertThat(position).isNotNull();
		assertThat(position.handles(intercepted(false))).isTrue();
		assertThat(position.handles(intercepted(true))).isTrue();
	}

	@Test
	void saysWhyWhenRewindingATestProxyFails() throws Exception {
		RewindCheck check = RewindCheck.run(fieldsOfAnotherClass());
		assertThat(check.position()).isNull();
		assertThat(check.failure()).startsWith("rewinding the invocation of a JDK test proxy failed")
			.contains(ClassCastException.class.getName());
	}

	static ChainPosition fieldsOfAnotherClass() throws ReflectiveOperationException {
		MethodHandles.Lookup lookup = MethodHandles.lookup();
		return ChainPosition.of(lookup.findVarHandle(Elsewhere.class, "currentInterceptorIndex", int.class),
				lookup.findVarHandle(Elsewhere.class, "interceptorsAndDynamicMethodMatchers", List.class));
	}

	private static ProxyMethodInvocation intercepted(boolean cglib) {
		ProxyFactory factory = new ProxyFactory(new InvocationRewinderTests.Calls());
		factory.setProxyTargetClass(cglib);
		ProxyMethodInvocation[] intercepted = new ProxyMethodInvocation[1];
		factory.addAdvice((org.aopalliance.intercept.MethodInterceptor) (invocation) -> {
			intercepted[0] = (ProxyMethodInvocation) invocation;
			return invocation.proceed();
		});
		((IntSupplier) factory.getProxy(RewindCheckTests.class.getClassLoader())).getAsInt();
		return intercepted[0];
	}

	static class Elsewhere {

		int currentInterceptorIndex;

		List<?> interceptorsAndDynamicMethodMatchers = List.of();

	}

}
