package dev.resilience.aop;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.util.ClassUtils;

/**
 * Where a bean's resilience annotations can be: its own class, and the interfaces of a
 * proxy whose target does not implement them. The latter are beans whose implementation
 * the framework writes (a Spring Data repository, an HTTP service client, any plain JDK
 * proxy): their only user-written code is the interface, so that is what users annotate.
 *
 * @param userClass the class of the object behind every proxy layer
 * @param types the classes and interfaces to read annotations from
 * @param implementedByFramework whether some of the types are interfaces that the object
 * behind the proxy does not implement
 * @author Resilience
 */
record AnnotationSources(Class<?> userClass, List<Class<?>> types, boolean implementedByFramework) {

	static AnnotationSources of(Object bean) {
		Class<?> userClass = ClassUtils.getUserClass(AopProxyUtils.ultimateTargetClass(bean));
		boolean noUserClass = Proxy.isProxyClass(userClass);
		List<Class<?>> types = new ArrayList<>();
		if (!noUserClass) {
			types.add(userClass);
		}
		boolean implementedByFramework = false;
		if (noUserClass || Proxy.isProxyClass(bean.getClass())) {
			for (Class<?> type : AopProxyUtils.proxiedUserInterfaces(bean)) {
				if (noUserClass || !type.isAssignableFrom(userClass)) {
					types.add(type);
					implementedByFramework = true;
				}
			}
		}
		return new AnnotationSources(userClass, List.copyOf(types), implementedByFramework);
	}

	/**
	 * Whether a class or interface, or any of its methods, carries a resilience
	 * annotation; cheap enough to ask of every bean.
	 * @return {@code true} if the bean may need a pipeline
	 */
	boolean isAnnotated() {
		for (Class<?> type : this.types) {
			if (PipelineFactory.isAnnotated(type)) {
				return true;
			}
		}
		return false;
	}

}
