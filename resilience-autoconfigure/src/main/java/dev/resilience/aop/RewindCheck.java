package dev.resilience.aop;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.framework.ProxyFactory;

/**
 * Finds out once, when the first retry pipeline is built, whether retries can rewind
 * Spring's invocations: reaching the private fields is not enough, since Spring could
 * keep them and change what they mean. So a retry is played on two tiny proxies, a JDK
 * and a CGLIB one, with an interceptor before the retrying one and one behind it; the
 * rewind is trusted for the invocation types of those proxies only if the interceptor
 * behind and the method ran twice, and the one before once.
 *
 * @author Resilience
 */
final class RewindCheck {

	private static final RewindCheck RESULT = run();

	private final @Nullable ChainPosition position;

	private final String failure;

	private RewindCheck(@Nullable ChainPosition position, String failure) {
		this.position = position;
		this.failure = failure;
	}

	static RewindCheck result() {
		return RESULT;
	}

	/**
	 * Return the accessor for the invocations that rewind correctly.
	 * @return the accessor, or {@code null} if invocations cannot be rewound
	 */
	@Nullable ChainPosition position() {
		return this.position;
	}

	/**
	 * Return why invocations cannot be rewound.
	 * @return the reason, empty if they can
	 */
	String failure() {
		return this.failure;
	}

	static RewindCheck run() {
		ChainPosition fields;
		try {
			fields = ChainPosition.lookUp();
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return new RewindCheck(null,
					"the private fields of Spring's ReflectiveMethodInvocation cannot be reached (" + ex + ")");
		}
		return run(fields);
	}

	/**
	 * Play a retry on a JDK and on a CGLIB proxy, rewinding with the given fields.
	 * @param fields the fields to rewind with
	 * @return the outcome
	 */
	static RewindCheck run(ChainPosition fields) {
		ChainPosition position = fields;
		for (boolean cglib : new boolean[] { false, true }) {
			String proxy = (cglib ? "a CGLIB" : "a JDK") + " test proxy";
			Probe probe = new Probe(fields);
			try {
				probe.play(cglib);
			}
			catch (RuntimeException | LinkageError ex) {
				return new RewindCheck(null, "rewinding the invocation of " + proxy + " failed (" + ex + ")");
			}
			Class<?> type = probe.invocationType;
			if (type == null) {
				return new RewindCheck(null,
						"the invocation of " + proxy + " did not point at the retrying interceptor in its chain");
			}
			if (probe.before.get() != 1 || probe.behind.get() != 2 || probe.calls != 2) {
				return new RewindCheck(null,
						"rewinding the invocation of " + proxy + " ran the interceptor before the retry " + probe.before
								+ " time(s), the one behind it " + probe.behind + " and the method " + probe.calls
								+ ", instead of 1, 2 and 2");
			}
			position = position.including(type);
		}
		return new RewindCheck(position, "");
	}

	/**
	 * One proxy call through an interceptor that counts, one that retries as a retry does
	 * after a failed attempt, and another one that counts.
	 */
	private static final class Probe implements MethodInterceptor {

		private final ChainPosition fields;

		private final AtomicInteger before = new AtomicInteger();

		private final AtomicInteger behind = new AtomicInteger();

		private @Nullable Class<?> invocationType;

		private int calls;

		Probe(ChainPosition fields) {
			this.fields = fields;
		}

		void play(boolean cglib) {
			ProxyFactory factory = new ProxyFactory(new Counter());
			factory.setProxyTargetClass(cglib);
			factory.addAdvice(counting(this.before));
			factory.addAdvice(this);
			factory.addAdvice(counting(this.behind));
			this.calls = ((IntSupplier) factory.getProxy(RewindCheck.class.getClassLoader())).getAsInt();
		}

		private static MethodInterceptor counting(AtomicInteger count) {
			return (invocation) -> {
				count.incrementAndGet();
				return invocation.proceed();
			};
		}

		@Override
		public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
			ProxyMethodInvocation original = (ProxyMethodInvocation) invocation;
			InvocationRewinder rewinder = new InvocationRewinder(this.fields.including(original.getClass()));
			rewinder.forAttempt(original).proceed();
			ProxyMethodInvocation again = rewinder.forAttempt(original);
			if (again == original) {
				this.invocationType = original.getClass();
			}
			return again.proceed();
		}

	}

	/**
	 * The target of both proxies; CGLIB needs a class it can extend.
	 */
	static class Counter implements IntSupplier {

		private int calls;

		@Override
		public int getAsInt() {
			return ++this.calls;
		}

	}

}
