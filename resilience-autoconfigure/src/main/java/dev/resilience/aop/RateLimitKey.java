package dev.resilience.aop;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.resilience.ratelimiter.RateLimiter;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.context.expression.MethodBasedEvaluationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.standard.SpelExpressionParser;

/**
 * Picks a call's rate-limit bucket from its arguments. Parsed once at start-up: a plain
 * parameter reference such as {@code #userId} reads the argument directly, anything else
 * is a SpEL expression evaluated per call.
 *
 * @author Resilience
 */
@FunctionalInterface
interface RateLimitKey {

	/**
	 * The key of calls whose expression answers {@code null}.
	 */
	Object NULL_KEY = new Object() {

		@Override
		public String toString() {
			return "null";
		}

	};

	Pattern PARAMETER = Pattern.compile("#([A-Za-z_$][A-Za-z0-9_$]*)");

	SpelExpressionParser PARSER = new SpelExpressionParser();

	ParameterNameDiscoverer PARAMETER_NAMES = new DefaultParameterNameDiscoverer();

	/**
	 * Return the bucket key of a call.
	 * @param invocation the call
	 * @return its key, never {@code null}
	 */
	Object of(ProxyMethodInvocation invocation);

	static RateLimitKey of(AnnotatedMethod method, String expression) {
		String trimmed = expression.trim();
		if (trimmed.isEmpty()) {
			return (invocation) -> RateLimiter.DEFAULT_KEY;
		}
		Method target = method.method();
		checkVariables(method, trimmed);
		Matcher whole = PARAMETER.matcher(trimmed);
		if (whole.matches()) {
			int index = parameterIndex(target, whole.group(1));
			if (index >= 0) {
				return (invocation) -> nullSafe(invocation.getArguments()[index]);
			}
		}
		Expression parsed;
		try {
			parsed = PARSER.parseExpression(trimmed);
		}
		catch (ParseException ex) {
			throw new InvalidResilienceAnnotationException(method,
					"its rate-limit key '" + expression + "' is not a valid SpEL expression: " + ex.getMessage(),
					"Fix the key attribute of @RateLimited, such as key = \"#userId\" or key = \"#request.tenant()\".");
		}
		return (invocation) -> nullSafe(parsed.getValue(new MethodBasedEvaluationContext(invocation.getThis(), target,
				invocation.getArguments(), PARAMETER_NAMES)));
	}

	private static void checkVariables(AnnotatedMethod method, String expression) {
		Matcher matcher = PARAMETER.matcher(expression);
		while (matcher.find()) {
			String variable = matcher.group(1);
			if (!variable.equals("root") && !variable.equals("this") && !variable.matches("[ap]\\d+")
					&& parameterIndex(method.method(), variable) < 0) {
				throw new InvalidResilienceAnnotationException(method,
						"its rate-limit key '" + expression + "' refers to #" + variable
								+ ", which is not a parameter of the method; its parameters are "
								+ parameterList(method.method()),
						"Refer to a parameter by its name (compile with -parameters) or as #p0, #p1, ...");
			}
		}
	}

	private static String parameterList(Method method) {
		Parameter[] parameters = method.getParameters();
		if (parameters.length == 0) {
			return "none";
		}
		String[] discovered = PARAMETER_NAMES.getParameterNames(method);
		StringBuilder list = new StringBuilder();
		for (int i = 0; i < parameters.length; i++) {
			String name = (discovered != null) ? discovered[i] : parameters[i].getName();
			list.append((i > 0) ? ", " : "").append('#').append(name).append(" (#p").append(i).append(')');
		}
		return list.toString();
	}

	private static int parameterIndex(Method method, String name) {
		Parameter[] parameters = method.getParameters();
		String[] discovered = PARAMETER_NAMES.getParameterNames(method);
		for (int i = 0; i < parameters.length; i++) {
			if ((discovered != null && name.equals(discovered[i])) || name.equals(parameters[i].getName())) {
				return i;
			}
		}
		return -1;
	}

	private static Object nullSafe(@Nullable Object key) {
		return (key != null) ? key : NULL_KEY;
	}

}
