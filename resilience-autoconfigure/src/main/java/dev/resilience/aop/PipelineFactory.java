package dev.resilience.aop;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Builds the pipeline of every annotated method of a bean class, once, at start-up, in
 * one pass: everything the annotations refer to (the fallback methods) is resolved and
 * checked first, then every layer is built in order, the fallback an ordinary layer at
 * {@link PatternBinding#FALLBACK_ORDER}.
 *
 * @author Resilience
 */
final class PipelineFactory {

	private static final String ANNOTATION_PACKAGE = "dev.resilience.annotation";

	private final List<PatternBinding<?>> bindings;

	PipelineFactory(List<PatternBinding<?>> bindings) {
		List<PatternBinding<?>> sorted = new ArrayList<>(bindings);
		sorted.sort(Comparator.comparingInt(PatternBinding::order));
		this.bindings = List.copyOf(sorted);
	}

	/**
	 * Whether a class or any of its methods carries a resilience annotation; cheap enough
	 * to ask of every bean, and asks nothing of the bindings.
	 * @param userClass the bean's class
	 * @return {@code true} if it may need a pipeline
	 */
	static boolean isAnnotated(Class<?> userClass) {
		if (hasResilienceAnnotation(MergedAnnotations.from(userClass, SearchStrategy.TYPE_HIERARCHY))) {
			return true;
		}
		for (Method method : ReflectionUtils.getUniqueDeclaredMethods(userClass,
				ReflectionUtils.USER_DECLARED_METHODS)) {
			if (hasResilienceAnnotation(MergedAnnotations.from(method, SearchStrategy.TYPE_HIERARCHY))) {
				return true;
			}
		}
		return false;
	}

	private static boolean hasResilienceAnnotation(MergedAnnotations annotations) {
		return annotations.stream().map(MergedAnnotation::getType).anyMatch(PipelineFactory::isResilienceAnnotation);
	}

	private static boolean isResilienceAnnotation(Class<? extends Annotation> type) {
		return type.getPackageName().equals(ANNOTATION_PACKAGE);
	}

	/**
	 * Build the pipelines of a bean's annotated methods.
	 * @param beanName the bean name, for error messages
	 * @param userClass the bean's class
	 * @return the pipelines, empty if no method is annotated
	 * @throws InvalidResilienceAnnotationException if an annotation does not fit
	 */
	List<MethodPipeline> create(String beanName, Class<?> userClass) {
		List<MethodPipeline> pipelines = new ArrayList<>();
		for (Method method : ReflectionUtils.getUniqueDeclaredMethods(userClass,
				ReflectionUtils.USER_DECLARED_METHODS)) {
			if (method.isBridge() || method.isSynthetic()) {
				continue;
			}
			Stage pipeline = create(beanName, userClass, method);
			if (pipeline != null) {
				pipelines.add(new MethodPipeline(method, pipeline));
			}
		}
		return pipelines;
	}

	private @Nullable Stage create(String beanName, Class<?> userClass, Method method) {
		ReturnKind kind = ReturnKind.of(method);
		AnnotatedMethod annotated = new AnnotatedMethod(beanName, userClass, method,
				(kind != null) ? kind : ReturnKind.SYNC);
		List<PatternBinding<?>> applicable = new ArrayList<>();
		for (PatternBinding<?> binding : this.bindings) {
			if (annotated.find(binding.annotationType()) != null) {
				applicable.add(binding);
			}
		}
		if (applicable.isEmpty()) {
			return null;
		}
		checkInterceptable(annotated, kind);
		// what the annotations refer to is resolved and checked before any stage is built
		String fallbackName = fallbackName(annotated, applicable);
		List<Layer> layers = new ArrayList<>(applicable.size() + 1);
		for (PatternBinding<?> binding : applicable) {
			layers.add(new Layer(binding.order(), (next) -> wrap(binding, annotated, next)));
		}
		if (!fallbackName.isEmpty()) {
			FallbackMethods fallbacks = FallbackMethods.resolve(annotated, fallbackName);
			layers.add(new Layer(PatternBinding.FALLBACK_ORDER,
					(next) -> FallbackStages.create(fallbacks, annotated.returnKind(), next)));
		}
		layers.sort(Comparator.comparingInt(Layer::order));
		Stage stage = Terminals.of(annotated.returnKind());
		for (int i = layers.size() - 1; i >= 0; i--) {
			stage = layers.get(i).wrap().apply(stage);
		}
		return stage;
	}

	private static String fallbackName(AnnotatedMethod annotated, List<PatternBinding<?>> applicable) {
		String fallback = "";
		for (PatternBinding<?> binding : applicable) {
			String named = fallbackMethod(binding, annotated);
			if (!named.isEmpty()) {
				if (!fallback.isEmpty() && !fallback.equals(named)) {
					throw new InvalidResilienceAnnotationException(annotated,
							"its annotations name different fallback methods, '" + fallback + "' and '" + named + "'",
							"Name the same fallbackMethod on every annotation of the method, or on one of them only.");
				}
				fallback = named;
			}
		}
		return fallback;
	}

	private static void checkInterceptable(AnnotatedMethod annotated, @Nullable ReturnKind kind) {
		int modifiers = annotated.method().getModifiers();
		if (Modifier.isStatic(modifiers) || Modifier.isPrivate(modifiers) || Modifier.isFinal(modifiers)) {
			throw new InvalidResilienceAnnotationException(annotated,
					"a static, private or final method cannot be intercepted by a proxy",
					"Make the method non-static, non-private and non-final, or remove its resilience annotations. "
							+ "The patterns apply to calls that come through the bean's proxy, from another bean: "
							+ "a call through 'this' from the bean's own methods is never intercepted, so move "
							+ "the annotated method to another bean and call it there.");
		}
		Class<?> type = annotated.userClass();
		if (!type.isInterface() && Modifier.isFinal(type.getModifiers())
				&& ClassUtils.getAllInterfacesForClass(type).length == 0) {
			throw new InvalidResilienceAnnotationException(annotated,
					"its class is final and implements no interface, so no proxy can intercept it",
					"Remove 'final' from the class, or declare the method on an interface the class implements "
							+ "and inject the bean by that interface.");
		}
		if (kind == null) {
			throw new InvalidResilienceAnnotationException(annotated,
					"its return type " + annotated.method().getReturnType().getName()
							+ " is a CompletionStage the patterns cannot return",
					"Declare the method to return CompletionStage or CompletableFuture.");
		}
	}

	private static <A extends Annotation> String fallbackMethod(PatternBinding<A> binding, AnnotatedMethod method) {
		A annotation = method.find(binding.annotationType());
		return (annotation != null) ? binding.fallbackMethod(annotation) : "";
	}

	private static <A extends Annotation> Stage wrap(PatternBinding<A> binding, AnnotatedMethod method, Stage next) {
		A annotation = method.find(binding.annotationType());
		return (annotation != null) ? binding.wrap(method, annotation, next) : next;
	}

	/**
	 * One layer of a pipeline: a pattern's stage, or the fallback, at its order.
	 */
	private record Layer(int order, UnaryOperator<Stage> wrap) {

	}

}
