package dev.resilience.actuate;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import dev.resilience.core.EventBuffer;
import dev.resilience.core.ResilienceEvent;
import org.jspecify.annotations.Nullable;

/**
 * Details of one instance, as {@code GET /actuator/resilience/{kind}/{name}} shows them.
 *
 * @param name the instance name
 * @param state its live state and counters, as in the endpoint's summary
 * @param config its effective configuration, keyed as in {@code application.yml}
 * @param events its recent events, oldest first
 * @author Resilience
 * @since 0.1.0
 */
@JsonInclude(Include.ALWAYS)
public record InstanceDescription(String name, Object state, Map<String, Object> config, List<Event> events) {

	/**
	 * Describe an instance.
	 * @param name the instance name
	 * @param state its live state and counters
	 * @param config its effective configuration
	 * @param events its event buffer
	 * @return the description
	 */
	public static InstanceDescription of(String name, Object state, Map<String, Object> config, EventBuffer events) {
		return new InstanceDescription(name, state, config, events.recent().stream().map(Event::of).toList());
	}

	/**
	 * One recent event of an instance.
	 *
	 * @param timestamp when it happened, in ISO-8601
	 * @param type what happened, such as {@code STATE_TRANSITION}
	 * @param message a human-readable description
	 * @param error the class name and message of the error involved, or {@code null}
	 */
	@JsonInclude(Include.ALWAYS)
	public record Event(String timestamp, String type, String message, @Nullable String error) {

		static Event of(ResilienceEvent event) {
			return new Event(event.timestamp().toString(), event.type(), event.message(), event.error());
		}

	}

}
