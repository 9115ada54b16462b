package dev.resilience.autoconfigure;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;

import dev.resilience.annotation.Saga;
import dev.resilience.annotation.SagaStep;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Matches when the application has sagas: a bean whose type carries {@code @Saga} or
 * {@code @SagaStep}, on itself or on a method, or {@code resilience.saga.store} set
 * explicitly (for sagas run through {@code SagaTemplate} alone). Bean types are predicted
 * from the bean definitions, as {@code @ConditionalOnBean} does, so no bean is created. A
 * bean whose definition hides its class (a {@code @Bean} method returning an interface)
 * is not seen here; {@code SagaBinding} fails the start when it meets one.
 *
 * @author Resilience
 */
class OnSagasCondition extends SpringBootCondition implements ConfigurationCondition {

	private static final List<Class<? extends Annotation>> SAGA_ANNOTATIONS = List.of(Saga.class, SagaStep.class);

	@Override
	public ConfigurationPhase getConfigurationPhase() {
		return ConfigurationPhase.REGISTER_BEAN;
	}

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition("Sagas");
		String store = Binder.get(context.getEnvironment()).bind("resilience.saga.store", String.class).orElse(null);
		if (store != null) {
			return ConditionOutcome.match(message.because("resilience.saga.store is set to " + store));
		}
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		if (beanFactory != null) {
			for (String name : beanFactory.getBeanDefinitionNames()) {
				if (hasSagas(beanFactory, name)) {
					return ConditionOutcome.match(message.found("bean with @Saga or @SagaStep methods").items(name));
				}
			}
		}
		return ConditionOutcome.noMatch(message.didNotFind("bean with @Saga or @SagaStep methods").atAll());
	}

	private static boolean hasSagas(ConfigurableListableBeanFactory beanFactory, String name) {
		try {
			if (beanFactory.getBeanDefinition(name).getRole() == BeanDefinition.ROLE_INFRASTRUCTURE) {
				return false;
			}
			Class<?> type = beanFactory.getType(name, false);
			return type != null && hasSagaAnnotations(ClassUtils.getUserClass(type));
		}
		catch (BeansException ex) {
			// a type that cannot be predicted now is checked when its bean is created
			return false;
		}
	}

	private static boolean hasSagaAnnotations(Class<?> type) {
		if (!AnnotationUtils.isCandidateClass(type, SAGA_ANNOTATIONS)) {
			return false;
		}
		if (isSagaAnnotated(MergedAnnotations.from(type, SearchStrategy.TYPE_HIERARCHY))) {
			return true;
		}
		for (Method method : ReflectionUtils.getUniqueDeclaredMethods(type, ReflectionUtils.USER_DECLARED_METHODS)) {
			if (isSagaAnnotated(MergedAnnotations.from(method, SearchStrategy.TYPE_HIERARCHY))) {
				return true;
			}
		}
		return false;
	}

	private static boolean isSagaAnnotated(MergedAnnotations annotations) {
		return annotations.isPresent(Saga.class) || annotations.isPresent(SagaStep.class);
	}

}
