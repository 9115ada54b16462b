package dev.resilience.aop;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.aop.Advisor;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.AopInfrastructureBean;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.util.ClassUtils;

/**
 * Proxies the beans whose methods carry resilience annotations. Each method's pipeline is
 * built here, when the bean is created, so that a mistake in an annotation fails the
 * start rather than the first call.
 * <p>
 * Annotations are read from the bean's class and from the interfaces of a proxy whose
 * target does not implement them, such as a Spring Data repository or an HTTP service
 * client, where the framework writes the implementation. A bean that is already proxied
 * gets the resilience advisor at the place {@link AdvisorPlacement} chooses among the
 * existing ones (inside caching and {@code @Async}, outside transactions by default).
 * This post-processor is deliberately not {@code Ordered}: it runs after the ordered
 * ones, among them the processors of {@code @Async} and {@code @Validated}, so that it
 * sees their advisors when it places its own.
 *
 * @author Resilience
 * @since 0.1.0
 */
public class ResilienceBeanPostProcessor implements BeanPostProcessor, BeanClassLoaderAware {

	private final ObjectProvider<PatternBinding<?>> bindings;

	private final AdvisorPlacement placement;

	private volatile @Nullable PipelineFactory pipelineFactory;

	private @Nullable ClassLoader classLoader = ClassUtils.getDefaultClassLoader();

	/**
	 * Create a post-processor that places its advisor by default.
	 * @param bindings the pattern bindings, resolved on the first annotated bean
	 */
	public ResilienceBeanPostProcessor(ObjectProvider<PatternBinding<?>> bindings) {
		this(bindings, null);
	}

	/**
	 * Create a post-processor.
	 * @param bindings the pattern bindings, resolved on the first annotated bean
	 * @param order the order of the resilience advisor among a proxy's other advisors, or
	 * {@code null} for the default placement
	 */
	public ResilienceBeanPostProcessor(ObjectProvider<PatternBinding<?>> bindings, @Nullable Integer order) {
		this.bindings = bindings;
		this.placement = new AdvisorPlacement(order);
	}

	@Override
	public void setBeanClassLoader(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof AopInfrastructureBean) {
			return bean;
		}
		AnnotationSources sources = AnnotationSources.of(bean);
		if (!sources.isAnnotated()) {
			return bean;
		}
		List<MethodPipeline> pipelines = new ArrayList<>();
		for (Class<?> source : sources.types()) {
			pipelines.addAll(pipelineFactory().create(beanName, source));
		}
		if (pipelines.isEmpty()) {
			return bean;
		}
		List<Advisor> advisors = new ArrayList<>(pipelines.size());
		for (MethodPipeline pipeline : pipelines) {
			ResilienceInterceptor interceptor = new ResilienceInterceptor(pipeline.stage());
			advisors
				.add(this.placement.advisor(new ResilienceInterceptor.MethodPointcut(pipeline.method()), interceptor));
		}
		if (bean instanceof Advised advised && !advised.isFrozen() && AopUtils.isAopProxy(bean)) {
			int index = this.placement.indexIn(advised.getAdvisors());
			for (Advisor advisor : advisors) {
				advised.addAdvisor(index++, advisor);
			}
			return bean;
		}
		return proxy(bean, sources, advisors);
	}

	private Object proxy(Object bean, AnnotationSources sources, List<Advisor> advisors) {
		ProxyFactory proxyFactory = new ProxyFactory(bean);
		if (sources.implementedByFramework() || AopUtils.isJdkDynamicProxy(bean)) {
			proxyFactory.setInterfaces(AopProxyUtils.proxiedUserInterfaces(bean));
		}
		else if (Modifier.isFinal(sources.userClass().getModifiers())) {
			proxyFactory.setInterfaces(ClassUtils.getAllInterfacesForClass(sources.userClass(), this.classLoader));
		}
		else {
			proxyFactory.setProxyTargetClass(true);
		}
		proxyFactory.addAdvisors(advisors);
		return proxyFactory.getProxy(this.classLoader);
	}

	private PipelineFactory pipelineFactory() {
		PipelineFactory factory = this.pipelineFactory;
		if (factory == null) {
			factory = new PipelineFactory(this.bindings.orderedStream().toList());
			this.pipelineFactory = factory;
		}
		return factory;
	}

}
