package dev.resilience.autoconfigure;

import java.util.List;

import dev.resilience.autoconfigure.KnownPropertyNames.Suggestion;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.annotation.Order;

/**
 * Explains a start-up that failed on properties under {@code resilience} that
 * {@link ResilienceProperties} does not know: each one's full name, where it was set, and
 * the known name it most likely meant, such as the bracketed form of an instance name
 * that contains dots.
 * <p>
 * Ordered ahead of Spring Boot's own analyzer of unbound properties, which has no order
 * and would only say that they were left unbound.
 *
 * @author Resilience
 */
@Order(0)
class UnknownPropertyFailureAnalyzer extends AbstractFailureAnalyzer<UnboundConfigurationPropertiesException> {

	private final KnownPropertyNames known = KnownPropertyNames.of(ResilienceProperties.class);

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, UnboundConfigurationPropertiesException cause) {
		List<ConfigurationProperty> unknown = cause.getUnboundProperties()
			.stream()
			.filter((property) -> this.known.prefix().isAncestorOf(property.getName()))
			.toList();
		if (unknown.isEmpty()) {
			return null;
		}
		StringBuilder description = new StringBuilder(
				String.format("Unknown %s under '%s', which would otherwise be ignored:%n",
						(unknown.size() == 1) ? "property" : "properties", this.known.prefix()));
		boolean bracketsKey = false;
		for (ConfigurationProperty property : unknown) {
			description.append(String.format("%n    Property: %s%n", property.getName()));
			description.append(String.format("    Value: \"%s\"%n", property.getValue()));
			if (property.getOrigin() != null) {
				description.append(String.format("    Origin: %s%n", property.getOrigin()));
			}
			Suggestion suggestion = this.known.suggest(property.getName());
			if (suggestion != null) {
				description.append(String.format("    Did you mean %s?%n", suggestion.name()));
				bracketsKey |= suggestion.bracketsKey();
			}
		}
		StringBuilder action = new StringBuilder(
				"Correct or remove each unknown property. Your IDE completes the known names, and the "
						+ "starter's README lists them with their defaults.");
		if (bracketsKey) {
			action.append(" An instance name that contains dots must be in brackets, such as "
					+ "resilience.retry.instances[my.service].max-attempts: unbracketed, its first part is "
					+ "taken as the name and the rest as a property.");
		}
		return new FailureAnalysis(description.toString(), action.toString(), cause);
	}

}
