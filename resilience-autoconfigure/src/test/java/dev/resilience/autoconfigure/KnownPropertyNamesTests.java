package dev.resilience.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.resilience.autoconfigure.KnownPropertyNames.Suggestion;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link KnownPropertyNames}, on a tree of its own so that what holds here
 * holds for any group added to {@link ResilienceProperties}.
 *
 * @author Resilience
 */
class KnownPropertyNamesTests {

	private final KnownPropertyNames names = KnownPropertyNames.of("shop", ShopProperties.class);

	@Test
	void readsThePrefixOfConfigurationProperties() {
		assertThat(KnownPropertyNames.of(ResilienceProperties.class).prefix()).hasToString("resilience");
	}

	@Test
	void suggestsTheClosestNameOfANestedGroup() {
		assertThat(suggest("shop.cache.time-to-leave")).isEqualTo(new Suggestion("shop.cache.time-to-live", false));
		assertThat(suggest("shop.cache.timeToLeave")).isEqualTo(new Suggestion("shop.cache.time-to-live", false));
	}

	@Test
	void suggestsTheClosestNameOfAMapEntryUnderTheUsersKey() {
		assertThat(suggest("shop.clients.billing.max-entry"))
			.isEqualTo(new Suggestion("shop.clients.billing.max-entries", false));
		assertThat(suggest("shop.clients[billing.eu].max-entry"))
			.isEqualTo(new Suggestion("shop.clients[billing.eu].max-entries", false));
	}

	@Test
	void suggestsBracketsForAnUnbracketedKeyThatContainsDots() {
		assertThat(suggest("shop.clients.billing.eu.west.time-to-live"))
			.isEqualTo(new Suggestion("shop.clients[billing.eu.west].time-to-live", true));
	}

	@Test
	void suggestsTheGroupLevelThatWasLeftOut() {
		assertThat(suggest("shop.time-to-live")).isEqualTo(new Suggestion("shop.cache.time-to-live", false));
	}

	@Test
	void suggestsTheValueThatANameGoesPast() {
		assertThat(suggest("shop.cache.max-entries.soft")).isEqualTo(new Suggestion("shop.cache.max-entries", false));
	}

	@Test
	void suggestsNothingForANameCloseToNone() {
		assertThat(suggest("shop.cache.colour")).isNull();
		assertThat(suggest("shop.cache")).isNull();
	}

	private Suggestion suggest(String name) {
		return this.names.suggest(ConfigurationPropertyName.adapt(name, '.'));
	}

	// not annotated, so that no configuration metadata is generated for the tests
	static class ShopProperties {

		private final Group cache = new Group();

		private final Map<String, Group> clients = new LinkedHashMap<>();

		public Group getCache() {
			return this.cache;
		}

		public Map<String, Group> getClients() {
			return this.clients;
		}

	}

	static class Group {

		private Duration timeToLive = Duration.ofMinutes(1);

		private int maxEntries = 100;

		public Duration getTimeToLive() {
			return this.timeToLive;
		}

		public void setTimeToLive(Duration timeToLive) {
			this.timeToLive = timeToLive;
		}

		public int getMaxEntries() {
			return this.maxEntries;
		}

		public void setMaxEntries(int maxEntries) {
			this.maxEntries = maxEntries;
		}

	}

}
