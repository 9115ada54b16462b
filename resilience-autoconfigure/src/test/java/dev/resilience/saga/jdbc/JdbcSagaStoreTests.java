package dev.resilience.saga.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.AbstractDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link JdbcSagaStore} that need no database.
 *
 * @author Resilience
 */
class JdbcSagaStoreTests {

	private final DataSource unreachable = new AbstractDataSource() {

		@Override
		public Connection getConnection() throws SQLException {
			throw new SQLException("unreachable");
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			throw new SQLException("unreachable");
		}

	};

	@Test
	void opensNoConnectionWhenCreated() {
		assertThat(new JdbcSagaStore(this.unreachable)).isNotNull();
		assertThat(new JdbcSagaStore(this.unreachable, "orders_v2_")).isNotNull();
		assertThat(new JdbcSagaStore(this.unreachable, "")).isNotNull();
	}

	@Test
	void refusesAPrefixThatIsNotAPlainIdentifier() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new JdbcSagaStore(this.unreachable, "X; DROP TABLE Y; --"))
			.withMessage("tablePrefix must contain only letters, digits and underscores, and not start with a digit, "
					+ "but was 'X; DROP TABLE Y; --'");
		assertThatIllegalArgumentException().isThrownBy(() -> new JdbcSagaStore(this.unreachable, "app.RESILIENCE_"))
			.withMessageContaining("'app.RESILIENCE_'");
		assertThatIllegalArgumentException().isThrownBy(() -> new JdbcSagaStore(this.unreachable, "1_"))
			.withMessageContaining("'1_'");
	}

	@Test
	void choosesSkipLockedOnPostgresqlOnly() {
		assertThat(ClaimStrategy.forDatabase("PostgreSQL")).isEqualTo(ClaimStrategy.SKIP_LOCKED);
		assertThat(ClaimStrategy.forDatabase("H2")).isEqualTo(ClaimStrategy.CONDITIONAL_UPDATE);
		assertThat(ClaimStrategy.forDatabase("MySQL")).isEqualTo(ClaimStrategy.CONDITIONAL_UPDATE);
	}

}
