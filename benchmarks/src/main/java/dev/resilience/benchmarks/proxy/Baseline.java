package dev.resilience.benchmarks.proxy;

import java.lang.reflect.Method;
import java.util.concurrent.TimeUnit;

import dev.resilience.benchmarks.Checks;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;

/**
 * What a call costs without any pattern: {@code raw} calls the method directly,
 * {@code interceptorFloor} through a class proxy with one interceptor that does nothing
 * but proceed, the least that any annotation-driven library can cost through a Spring
 * proxy. {@code clock} reads the monotonic clock once, as a rate limiter does per call
 * and a circuit breaker twice (before and after, to spot slow calls), in ours and in
 * Resilience4j alike: what it costs on the machine bounds what those patterns can cost.
 *
 * @author Resilience
 * @since 0.1.0
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class Baseline {

	@Benchmark
	public void raw(Beans beans, Blackhole blackhole) {
		blackhole.consume(beans.raw.echo(beans.argument));
	}

	@Benchmark
	public long clock() {
		return System.nanoTime();
	}

	@Benchmark
	public void interceptorFloor(Beans beans, Blackhole blackhole) {
		blackhole.consume(beans.proxied.echo(beans.argument));
	}

	/**
	 * The plain object and its proxy.
	 */
	@State(Scope.Benchmark)
	public static class Beans {

		String argument = "sku-42";

		Service raw = new Service();

		Service proxied = new Service();

		@Setup(Level.Trial)
		public void proxy() {
			ProxyFactory factory = new ProxyFactory(new Service());
			factory.setProxyTargetClass(true);
			factory.addAdvisor(new DefaultPointcutAdvisor(new EchoPointcut(), new ProceedingInterceptor()));
			this.proxied = (Service) factory.getProxy(Service.class.getClassLoader());
			Checks.advised(this.proxied, "echo", ProceedingInterceptor.class.getSimpleName());
			Checks.equal("the proxy's result", this.argument, this.proxied.echo(this.argument));
		}

	}

	/**
	 * The method called.
	 */
	public static class Service {

		public String echo(String value) {
			return value;
		}

	}

	/**
	 * Matches {@code echo}, as an annotation-driven pointcut matches annotated methods.
	 */
	static final class EchoPointcut extends StaticMethodMatcherPointcut {

		@Override
		public boolean matches(Method method, Class<?> targetClass) {
			return method.getName().equals("echo");
		}

	}

	/**
	 * Does nothing but proceed.
	 */
	static final class ProceedingInterceptor implements MethodInterceptor {

		@Override
		public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
			return invocation.proceed();
		}

	}

}
