package dev.resilience.aop;

import java.lang.reflect.Method;

/**
 * The pipeline of one annotated method.
 *
 * @param method the method, as declared by the bean's class or inherited by it
 * @param stage the outermost stage
 * @author Resilience
 */
record MethodPipeline(Method method, Stage stage) {

}
