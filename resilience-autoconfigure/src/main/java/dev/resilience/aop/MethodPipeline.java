package dev.resilience.aop;

import java.lang.reflect.Method;

/**
 * The pipeline of one annotated method, and what lets its retries run the chain again.
 *
 * @param method the method, as declared by the bean's class or inherited by it
 * @param stage the outermost stage
 * @param rewinder the method's invocation rewinder, to attach to its interceptor
 * @author Resilience
 */
record MethodPipeline(Method method, Stage stage, InvocationRewinder rewinder) {

}
