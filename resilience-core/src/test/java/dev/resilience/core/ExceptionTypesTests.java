package dev.resilience.core;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ExceptionTypes}.
 */
class ExceptionTypesTests {

	@Test
	void noneMatchesNothing() {
		ExceptionTypes none = ExceptionTypes.none();
		assertThat(none.isEmpty()).isTrue();
		assertThat(none.types()).isEmpty();
		assertThat(none.matches(new RuntimeException())).isFalse();
	}

	@Test
	void emptyListIsNone() {
		assertThat(ExceptionTypes.of(List.of())).isSameAs(ExceptionTypes.none());
	}

	@Test
	void matchesListedTypesAndTheirSubtypes() {
		ExceptionTypes types = ExceptionTypes.of(List.of(IOException.class, IllegalStateException.class));
		assertThat(types.isEmpty()).isFalse();
		assertThat(types.matches(new IOException())).isTrue();
		assertThat(types.matches(new FileNotFoundException())).isTrue();
		assertThat(types.matches(new IllegalStateException())).isTrue();
	}

	@Test
	void doesNotMatchSupertypesOrOtherTypes() {
		ExceptionTypes types = ExceptionTypes.of(List.of(FileNotFoundException.class));
		assertThat(types.matches(new IOException())).isFalse();
		assertThat(types.matches(new UncheckedIOException(new FileNotFoundException()))).isFalse();
	}

	@Test
	void keepsTheOrderGivenAndCopiesTheList() {
		List<Class<? extends Throwable>> given = new ArrayList<>(
				List.of(IllegalStateException.class, IOException.class));
		ExceptionTypes types = ExceptionTypes.of(given);
		given.add(RuntimeException.class);
		assertThat(types.types()).containsExactly(IllegalStateException.class, IOException.class);
		assertThat(types.matches(new RuntimeException())).isFalse();
	}

	@Test
	void equalWhenListingTheSameTypes() {
		ExceptionTypes one = ExceptionTypes.of(List.of(IOException.class));
		ExceptionTypes same = ExceptionTypes.of(List.of(IOException.class));
		ExceptionTypes other = ExceptionTypes.of(List.of(IllegalStateException.class));
		assertThat(one).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(other);
	}

	@Test
	void toStringListsClassNames() {
		assertThat(ExceptionTypes.of(List.of(IOException.class, IllegalStateException.class)))
			.hasToString("[java.io.IOException, java.lang.IllegalStateException]");
	}

}
