package dev.resilience.aop;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.aop.Advisor;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.AopInfrastructureBean;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.framework.ProxyProcessorSupport;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.util.ClassUtils;

/**
 * Proxies the beans whose methods carry resilience annotations. Each method's pipeline is
 * built here, when the bean is created, so that a mistake in an annotation fails the
 * start rather than the first call. A bean that is already proxied (by
 * {@code @Transactional}, say) gets the resilience interceptor in front of the existing
 * ones, so that every retry attempt runs them again.
 *
 * @author Resilience
 * @since 0.1.0
 */
public class ResilienceBeanPostProcessor extends ProxyProcessorSupport implements BeanPostProcessor {

	private final ObjectProvider<PatternBinding<?>> bindings;

	private volatile @Nullable PipelineFactory pipelineFactory;

	/**
	 * Create a post-processor.
	 * @param bindings the pattern bindings, resolved on the first annotated bean
	 */
	public ResilienceBeanPostProcessor(ObjectProvider<PatternBinding<?>> bindings) {
		this.bindings = bindings;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof AopInfrastructureBean) {
			return bean;
		}
		Class<?> userClass = ClassUtils.getUserClass(AopUtils.getTargetClass(bean));
		if (!PipelineFactory.isAnnotated(userClass)) {
			return bean;
		}
		List<MethodPipeline> pipelines = pipelineFactory().create(beanName, userClass);
		if (pipelines.isEmpty()) {
			return bean;
		}
		List<Advisor> advisors = new ArrayList<>(pipelines.size());
		for (MethodPipeline pipeline : pipelines) {
			ResilienceInterceptor interceptor = new ResilienceInterceptor(pipeline.stage());
			pipeline.rewinder().attach(interceptor);
			advisors.add(new DefaultPointcutAdvisor(new ResilienceInterceptor.MethodPointcut(pipeline.method()),
					interceptor));
		}
		if (bean instanceof Advised advised && !advised.isFrozen() && AopUtils.isAopProxy(bean)) {
			for (Advisor advisor : advisors) {
				advised.addAdvisor(0, advisor);
			}
			return bean;
		}
		ProxyFactory proxyFactory = new ProxyFactory(bean);
		if (Modifier.isFinal(userClass.getModifiers())) {
			evaluateProxyInterfaces(userClass, proxyFactory);
		}
		else {
			proxyFactory.setProxyTargetClass(true);
		}
		proxyFactory.addAdvisors(advisors);
		return proxyFactory.getProxy(getProxyClassLoader());
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
