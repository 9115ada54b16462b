package dev.resilience.aop;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.framework.ReflectiveMethodInvocation;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests for {@link InvocationRewinder}, on real JDK and CGLIB proxies.
 *
 * @author Resilience
 */
class InvocationRewinderTests {

	private static final String REWINDING = "Retries re-run the interceptor chain by rewinding Spring's "
			+ "ReflectiveMethodInvocation";

	private static final String COPYING = "Retries re-run the interceptor chain on a copy of the invocation for "
			+ "each attempt (invocableClone), because ";

	private static final int CALLS = 200_000;

	// Far below one object per call, above what measuring itself may cost
	private static final long TOLERATED_BYTES = 64 * 1024;

	private final AtomicInteger before = new AtomicInteger();

	private final AtomicInteger behind = new AtomicInteger();

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void laterAttemptsRunTheInterceptorsBehindTheRetryAgainAndNotThoseBeforeIt(boolean cglib) {
		Retrying retrying = new Retrying(InvocationRewinder.create(), 3);
		Calls target = new Calls();
		assertThat(proxy(target, cglib, retrying).getAsInt()).isEqualTo(3);
		assertThat(this.before).hasValue(1);
		assertThat(this.behind).hasValue(3);
		assertThat(target.count).isEqualTo(3);
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void everyAttemptRunsOnTheInterceptedInvocationItself(boolean cglib) {
		Retrying retrying = new Retrying(InvocationRewinder.create(), 3);
		proxy(new Calls(), cglib, retrying).getAsInt();
		assertThat(retrying.attempts).hasSize(3).containsOnly(retrying.intercepted);
	}

	@Test
	void findsItsInterceptorAgainWhenAnAdvisorIsAddedInFrontOfIt() {
		Retrying retrying = new Retrying(InvocationRewinder.create(), 2);
		Calls target = new Calls();
		IntSupplier proxy = proxy(target, true, retrying);
		proxy.getAsInt();
		((Advised) proxy).addAdvice(0, counting(this.before));
		proxy.getAsInt();
		assertThat(this.before).hasValue(3);
		assertThat(this.behind).hasValue(4);
		assertThat(target.count).isEqualTo(4);
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void copiesEveryAttemptWhenCopiesAreForced(boolean cglib) {
		InvocationRewinder.forceCopies(true);
		InvocationRewinder rewinder;
		try {
			rewinder = InvocationRewinder.create();
		}
		finally {
			InvocationRewinder.forceCopies(false);
		}
		assertThat(rewinder.rewinds()).isFalse();
		Retrying retrying = new Retrying(rewinder, 3);
		Calls target = new Calls();
		proxy(target, cglib, retrying).getAsInt();
		assertThat(retrying.attempts).hasSize(3).doesNotContain(retrying.intercepted).doesNotHaveDuplicates();
		assertThat(this.before).hasValue(1);
		assertThat(this.behind).hasValue(3);
		assertThat(target.count).isEqualTo(3);
	}

	@Test
	void copiesEveryAttemptOfAnInvocationTypeTheCheckHasNotSeen() throws Throwable {
		InvocationRewinder rewinder = InvocationRewinder.create();
		assertThat(rewinder.rewinds()).isTrue();
		Retrying retrying = new Retrying(rewinder, 3);
		Calls target = new Calls();
		OtherInvocation invocation = new OtherInvocation(target, List.<Object>of(retrying, counting(this.behind)));
		assertThat(invocation.proceed()).isEqualTo(3);
		assertThat(retrying.attempts).hasSize(3).doesNotContain(invocation).doesNotHaveDuplicates();
		assertThat(this.behind).hasValue(3);
	}

	@Test
	void theFirstAttemptAllocatesNothing() {
		com.sun.management.ThreadMXBean threads = allocationCounter();
		InvocationRewinder rewinder = InvocationRewinder.create();
		assertThat(rewinder.rewinds()).isTrue();
		long[] allocated = { -1 };
		MethodInterceptor measuring = (invocation) -> {
			ProxyMethodInvocation intercepted = (ProxyMethodInvocation) invocation;
			firstAttempts(rewinder, intercepted);
			long thread = Thread.currentThread().getId();
			long start = threads.getThreadAllocatedBytes(thread);
			firstAttempts(rewinder, intercepted);
			allocated[0] = threads.getThreadAllocatedBytes(thread) - start;
			return invocation.proceed();
		};
		proxy(new Calls(), true, measuring).getAsInt();
		assertThat(allocated[0]).isBetween(0L, TOLERATED_BYTES);
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void saysInTheLogWhichWayRetriesGoWhenThatChanges(CapturedOutput output) {
		InvocationRewinder.create();
		InvocationRewinder.forceCopies(true);
		try {
			InvocationRewinder.create();
			InvocationRewinder.create();
		}
		finally {
			InvocationRewinder.forceCopies(false);
		}
		InvocationRewinder.create();
		InvocationRewinder.create();
		// the first line, if any, depends on the tests that ran before
		List<String> lines = output.getOut()
			.lines()
			.filter((line) -> line.contains("Retries re-run the interceptor chain"))
			.toList();
		assertThat(lines).hasSizeBetween(2, 3);
		assertThat(lines.get(lines.size() - 2)).contains("INFO", COPYING + "copies were forced");
		assertThat(lines.get(lines.size() - 1)).contains("INFO", REWINDING);
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void copiesWithAWarningWhenTheCheckFails(CapturedOutput output) throws Exception {
		RewindCheck failed = RewindCheck.run(RewindCheckTests.fieldsOfAnotherClass());
		InvocationRewinder.create();
		InvocationRewinder rewinder = InvocationRewinder.create(failed, false);
		assertThat(rewinder.rewinds()).isFalse();
		assertThat(output.getOut().lines().filter((line) -> line.contains(COPYING + failed.failure()))).singleElement()
			.asString()
			.contains("WARN");
	}

	private static void firstAttempts(InvocationRewinder rewinder, ProxyMethodInvocation invocation) {
		for (int i = 0; i < CALLS; i++) {
			if (rewinder.forAttempt(invocation) != invocation) {
				throw new AssertionError("The first attempt did not run on the intercepted invocation");
			}
		}
	}

	private IntSupplier proxy(Calls target, boolean cglib, MethodInterceptor retrying) {
		ProxyFactory factory = new ProxyFactory(target);
		factory.setProxyTargetClass(cglib);
		factory.addAdvice(counting(this.before));
		factory.addAdvice(retrying);
		factory.addAdvice(counting(this.behind));
		return (IntSupplier) factory.getProxy(getClass().getClassLoader());
	}

	private static MethodInterceptor counting(AtomicInteger count) {
		return (invocation) -> {
			count.incrementAndGet();
			return invocation.proceed();
		};
	}

	private static com.sun.management.ThreadMXBean allocationCounter() {
		boolean supported = ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
				&& threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled();
		assumeTrue(supported, "the JVM does not count allocated bytes per thread");
		return (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
	}

	/**
	 * Runs the rest of the chain a given number of times, as a retry whose attempts fail
	 * but the last.
	 */
	static final class Retrying implements MethodInterceptor {

		private final InvocationRewinder rewinder;

		private final int times;

		private final List<ProxyMethodInvocation> attempts = new ArrayList<>();

		private @Nullable ProxyMethodInvocation intercepted;

		Retrying(InvocationRewinder rewinder, int times) {
			this.rewinder = rewinder;
			this.times = times;
		}

		@Override
		public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
			ProxyMethodInvocation intercepted = (ProxyMethodInvocation) invocation;
			this.intercepted = intercepted;
			Object result = null;
			for (int i = 0; i < this.times; i++) {
				ProxyMethodInvocation attempt = this.rewinder.forAttempt(intercepted);
				this.attempts.add(attempt);
				result = attempt.proceed();
			}
			return result;
		}

	}

	public static class Calls implements IntSupplier {

		private int count;

		@Override
		public int getAsInt() {
			return ++this.count;
		}

	}

	/**
	 * An invocation of a type that no proxy of the check made.
	 */
	static final class OtherInvocation extends ReflectiveMethodInvocation {

		OtherInvocation(Calls target, List<Object> chain) throws NoSuchMethodException {
			super(target, target, method(), new Object[0], Calls.class, chain);
		}

		private static Method method() throws NoSuchMethodException {
			return Calls.class.getMethod("getAsInt");
		}

	}

}
